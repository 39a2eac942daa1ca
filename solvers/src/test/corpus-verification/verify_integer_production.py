"""integer_production (MILP, maximize, integer with parameter upper bounds): enumeration of all plans."""
from corpus_lib import Result, brute_force, report

GOODS = ["bread", "cake", "pie", "muffin"]
PROFIT = [30, 55, 40, 22]
NEED = [[1.5, 2, 1.2, 0.8], [10, 6, 5, 4], [1, 3, 2, 1]]
HAVE = [20, 80, 25]
MAX = [8, 5, 6, 10]


def verify():
    best, point, count = brute_force(
        {g: range(MAX[k] + 1) for k, g in enumerate(GOODS)},
        lambda p: sum(PROFIT[k] * p[g] for k, g in enumerate(GOODS)),
        lambda p: all(sum(NEED[i][k] * p[g] for k, g in enumerate(GOODS)) <= HAVE[i] + 1e-9 for i in range(3)),
        sense="max")
    cert = {f"batches[{g}]": float(point[g]) for g in GOODS}
    return [Result("integer_production", "OPTIMAL", float(best), cert, method=f"enumeration of all plans ({count} feasible); best {point}")]


if __name__ == "__main__":
    report(verify())
