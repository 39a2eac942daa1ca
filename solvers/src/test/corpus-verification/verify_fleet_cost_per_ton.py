"""fleet_cost_per_ton (integer linear-fractional): enumeration of every fleet with at most 8 trucks."""
from fractions import Fraction
from itertools import product

from corpus_lib import Result, report

COST = {"small": 3000, "medium": 4200, "large": 6100, "heavy": 9000}
CAP = {"small": 10, "medium": 16, "large": 25, "heavy": 40}
DEPOT, REQUIRED, DRIVERS, BUDGET, HEAVY_BAYS = 5000, 120, 8, 40000, 2


def verify():
    best, point, feasible = None, None, 0
    types = list(COST)
    for counts in product(range(DRIVERS + 1), repeat=len(types)):
        n = dict(zip(types, counts))
        capacity = sum(CAP[k] * n[k] for k in types)
        cost = DEPOT + sum(COST[k] * n[k] for k in types)
        if sum(counts) > DRIVERS or capacity < REQUIRED or cost > BUDGET or n["heavy"] > HEAVY_BAYS:
            continue
        feasible += 1
        ratio = Fraction(cost, capacity)  # exact, so ties are seen as ties
        if best is None or ratio < best:
            best, point = ratio, n
    cert = {f"trucks[{k}]": float(v) for k, v in point.items()}
    return [Result("fleet_cost_per_ton", "OPTIMAL", float(best), cert,
                   method=f"exact enumeration of {feasible} feasible fleets with rational arithmetic; optimum {point}")]


if __name__ == "__main__":
    report(verify())
