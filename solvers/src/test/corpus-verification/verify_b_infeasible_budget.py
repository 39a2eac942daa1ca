"""b_infeasible_budget (infeasible MILP): unique minimal family-level conflict by family removal."""
from corpus_lib import LinearModel, Result, close, report

TYPES = ["small", "large"]
PAYLOAD = [2, 5]
PRICE = [30, 60]
LOAD, BUDGET, GARAGE, MIN_SMALL = 50, 550, 14, 2


def build():
    m = LinearModel("min")
    for t in TYPES:
        m.var(f"buy[{t}]", 0, 20, integer=True)
    m.ge("carry_load", {f"buy[{t}]": PAYLOAD[k] for k, t in enumerate(TYPES)}, LOAD)
    m.le("spending_limit", {f"buy[{t}]": PRICE[k] for k, t in enumerate(TYPES)}, BUDGET)
    m.le("garage", {f"buy[{t}]": 1 for t in TYPES}, GARAGE)
    m.ge("city_vans", {"buy[small]": 1}, MIN_SMALL)
    m.objective({f"buy[{t}]": PRICE[k] for k, t in enumerate(TYPES)})
    return m


def verify():
    m = build()
    conflict = m.unique_conflict()
    # the cheapest fleet that carries the load (ignoring the budget) costs 630 with the other rules (3 small + 9 large), 600 without
    status, cost, _ = m.solve(families=["carry_load", "garage", "city_vans"])
    assert status == "OPTIMAL" and close(cost, 630), (status, cost)
    status, cost, _ = m.solve(families=["carry_load"])
    assert status == "OPTIMAL" and close(cost, 600), (status, cost)
    return [Result("b_infeasible_budget", "INFEASIBLE", conflict=conflict,
                   method="family removal with scipy milp; minimum cost to carry the load is 600 > 550")]


if __name__ == "__main__":
    report(verify())
