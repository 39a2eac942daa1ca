"""facility_location (MILP with indicator constraints): enumerate the 16 open/closed patterns, solve the
remaining transportation LP for each (closed sites ship nothing, open sites ship at least their minimum);
a big-M MILP solved with scipy milp agrees."""
from itertools import product

from corpus_lib import LinearModel, Result, report, solve_checked, solve_lp_proved

SITES = ["alder", "birch", "cedar", "maple"]
CUSTOMERS = ["ames", "bly", "cole", "dunn", "eton", "ford"]
FIXED = [500, 420, 610, 380]
CAP = [160, 120, 200, 110]
MIN_T = [60, 50, 175, 40]
DEMAND = [40, 55, 30, 65, 45, 35]
COST = [[4, 6, 9, 5, 8, 7], [7, 3, 5, 8, 6, 9], [6, 8, 4, 3, 5, 6], [9, 5, 7, 6, 3, 4]]
SHIP_UB = 100


def lp_for(pattern):
    m = LinearModel("min")
    for f in SITES:
        for c in CUSTOMERS:
            m.var(f"ship[{f},{c}]", 0, SHIP_UB)
    for j, c in enumerate(CUSTOMERS):
        m.eq("demand_met", {f"ship[{f},{c}]": 1 for f in SITES}, DEMAND[j])
    for i, f in enumerate(SITES):
        row = {f"ship[{f},{c}]": 1 for c in CUSTOMERS}
        m.le("capacity_limit", row, CAP[i])
        if pattern[i]:
            m.ge("open_minimum", row, MIN_T[i])
        else:
            m.le("closed_ships_nothing", row, 0)
    m.objective({f"ship[{f},{c}]": COST[i][j] for i, f in enumerate(SITES) for j, c in enumerate(CUSTOMERS)},
                sum(FIXED[i] for i in range(4) if pattern[i]))
    status = m.solve()[0]
    if status != "OPTIMAL":
        return None, None
    return solve_lp_proved(m)


def big_m():
    m = LinearModel("min")
    for f in SITES:
        m.binary(f"open[{f}]")
        for c in CUSTOMERS:
            m.var(f"ship[{f},{c}]", 0, SHIP_UB)
    for j, c in enumerate(CUSTOMERS):
        m.eq("demand_met", {f"ship[{f},{c}]": 1 for f in SITES}, DEMAND[j])
    for i, f in enumerate(SITES):
        row = {f"ship[{f},{c}]": 1 for c in CUSTOMERS}
        m.le("capacity_limit", row, CAP[i])
        m.le("closed", {**row, f"open[{f}]": -SHIP_UB * len(CUSTOMERS)}, 0)
        m.ge("minimum", {**row, f"open[{f}]": -MIN_T[i]}, 0)
    obj = {f"open[{f}]": FIXED[i] for i, f in enumerate(SITES)}
    obj.update({f"ship[{f},{c}]": COST[i][j] for i, f in enumerate(SITES) for j, c in enumerate(CUSTOMERS)})
    m.objective(obj)
    return solve_checked(m)[0]


def verify():
    best = None
    for pattern in product((0, 1), repeat=4):
        obj, x = lp_for(pattern)
        if obj is not None and (best is None or obj < best[0] - 1e-9):
            best = (obj, x, pattern)
    obj, x, pattern = best
    assert abs(big_m() - obj) < 1e-6
    cert = dict(x)
    cert.update({f"open[{f}]": float(pattern[i]) for i, f in enumerate(SITES)})
    return [Result("facility_location", "OPTIMAL", obj, cert,
                   method=f"enumeration of 16 open patterns x LP (best opens {[f for i, f in enumerate(SITES) if pattern[i]]}); big-M milp agrees")]


if __name__ == "__main__":
    report(verify())
