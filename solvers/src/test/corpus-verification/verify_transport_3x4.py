"""transport_3x4 (LP): 3 plants x 4 markets, a minimum run for every plant except 'coast'."""
from corpus_lib import LinearModel, Result, report, solve_lp_proved

PLANTS = ["ridge", "valley", "coast"]
MARKETS = ["north", "east", "south", "west"]
SUPPLY = {"ridge": 420, "valley": 450, "coast": 250}
DEMAND = {"north": 180, "east": 260, "south": 220, "west": 240}
FREIGHT = {
    "ridge": {"north": 4.2, "east": 6.1, "south": 7.5, "west": 3.8},
    "valley": {"north": 5.0, "east": 3.9, "south": 4.4, "west": 6.3},
    "coast": {"north": 7.7, "east": 5.2, "south": 3.1, "west": 4.6},
}
MIN_RUN = 400


def verify():
    m = LinearModel("min")
    for p in PLANTS:
        for k in MARKETS:
            m.var(f"ship[{p},{k}]")
    for p in PLANTS:
        m.le("supply_limit", {f"ship[{p},{k}]": 1 for k in MARKETS}, SUPPLY[p])
    for k in MARKETS:
        m.ge("demand_met", {f"ship[{p},{k}]": 1 for p in PLANTS}, DEMAND[k])
    for p in PLANTS:
        if p != "coast":
            m.ge("line_minimum", {f"ship[{p},{k}]": 1 for k in MARKETS}, MIN_RUN)
    m.objective({f"ship[{p},{k}]": FREIGHT[p][k] for p in PLANTS for k in MARKETS})
    obj, x = solve_lp_proved(m)
    return [Result("transport_3x4", "OPTIMAL", obj, x, method="scipy milp (HiGHS) as LP + hand-checked dual bound")]


if __name__ == "__main__":
    report(verify())
