"""b_infeasible_staffing (infeasible LP): unique minimal family-level conflict by family removal; within
the conflict {cover, payroll} every instance of the indexed family cover is needed (dropping any one
shift's cover makes cover + payroll feasible)."""
from corpus_lib import LinearModel, Result, close, report

SHIFTS = ["early", "day", "late", "night"]
MIN_COVER = [10, 14, 12, 8]
STATIONS = [14, 18, 16, 12]
WAGE = [300, 280, 310, 380]
PAYROLL, NIGHT_RATIO = 12500, 0.5


def build(skip_cover=None):
    m = LinearModel("min")
    for s in SHIFTS:
        m.var(f"nurses[{s}]")
    for k, s in enumerate(SHIFTS):
        if s != skip_cover:
            m.ge("cover", {f"nurses[{s}]": 1}, MIN_COVER[k])
    for k, s in enumerate(SHIFTS):
        m.le("station_limit", {f"nurses[{s}]": 1}, STATIONS[k])
    m.ge("night_staffing", {"nurses[night]": 1, "nurses[day]": -NIGHT_RATIO}, 0)
    m.le("payroll", {f"nurses[{s}]": WAGE[k] for k, s in enumerate(SHIFTS)}, PAYROLL)
    m.objective({f"nurses[{s}]": WAGE[k] for k, s in enumerate(SHIFTS)})
    return m


def verify():
    m = build()
    conflict = m.unique_conflict()
    status, cost, _ = m.solve(families=["cover", "station_limit", "night_staffing"])
    assert status == "OPTIMAL" and close(cost, 13680), (status, cost)
    for s in SHIFTS:  # every cover instance is in the instance-level conflict {cover[*], payroll}
        assert build(skip_cover=s).solve(families=conflict, with_objective=False)[0] == "OPTIMAL", s
    return [Result("b_infeasible_staffing", "INFEASIBLE", conflict=conflict,
                   method="family removal with scipy milp; minimum covers cost 13680 > 12500")]


if __name__ == "__main__":
    report(verify())
