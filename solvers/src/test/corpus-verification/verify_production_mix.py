"""production_mix (LP, maximize): furniture workshop product mix."""
from corpus_lib import LinearModel, Result, report, solve_lp_proved

PRODUCTS = ["chair", "table", "desk", "shelf"]
PROFIT = {"chair": 28, "table": 65, "desk": 90, "shelf": 22}
AVAILABLE = {"carpentry": 480, "finishing": 320, "lumber": 1500}
USAGE = {
    "carpentry": {"chair": 2, "table": 5, "desk": 7, "shelf": 1.5},
    "finishing": {"chair": 1, "table": 3, "desk": 4, "shelf": 1},
    "lumber": {"chair": 5, "table": 18, "desk": 22, "shelf": 6},
}
MAX_SALES = {"chair": 120, "table": 1000, "desk": 1000, "shelf": 80}  # table, desk: the default 1000


def verify():
    m = LinearModel("max")
    for p in PRODUCTS:
        m.var(f"build[{p}]", 0, MAX_SALES[p])
    for r, row in USAGE.items():
        m.le("resource_limit", {f"build[{p}]": row[p] for p in PRODUCTS}, AVAILABLE[r])
    m.ge("hotel_order", {"build[table]": 1}, 10)
    m.objective({f"build[{p}]": PROFIT[p] for p in PRODUCTS})
    obj, x = solve_lp_proved(m)
    return [Result("production_mix", "OPTIMAL", obj, x, method="scipy milp (HiGHS) as LP + hand-checked dual bound")]


if __name__ == "__main__":
    report(verify())
