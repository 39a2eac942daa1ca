"""Infeasible models, each checked to have a unique minimal conflict at the level of declared constraint
names (LinearModel.unique_conflict: the families whose removal restores feasibility are, on their own,
infeasible, so every infeasible subset contains them all).  Variable bounds and integrality stay in.

infeasible_capacity, infeasible_seating, infeasible_feed_blend, infeasible_network."""
from corpus_lib import LinearModel, Result, report


def capacity():
    parts = ["gears", "shafts", "hubs"]
    orders = [40, 30, 20]
    hours = {"mill": [2, 1, 3], "lathe": [1, 3, 1]}
    available = {"mill": 150, "lathe": 200}
    m = LinearModel("max")
    for p in parts:
        m.var(f"make[{p}]")
    for k, p in enumerate(parts):
        m.ge("meet_orders", {f"make[{p}]": 1}, orders[k])
    for mach, row in hours.items():
        m.le("machine_hours", {f"make[{p}]": row[k] for k, p in enumerate(parts)}, available[mach])
    m.le("material", {f"make[{p}]": c for p, c in zip(parts, [5, 4, 6])}, 2000)
    m.le("mix_rule", {"make[shafts]": 1, "make[gears]": -2}, 0)
    m.objective({f"make[{p}]": c for p, c in zip(parts, [12, 9, 15])})
    # the orders alone need 2*40 + 30 + 3*20 = 170 mill hours > 150
    return Result("infeasible_capacity", "INFEASIBLE", conflict=m.unique_conflict(),
                  method="family removal with scipy milp; orders need 170 mill hours, 150 available")


def seating():
    m = LinearModel("min")
    m.var("tables[four_seat]", 0, 10, integer=True)
    m.var("tables[six_seat]", 0, 10, integer=True)
    m.eq("fill_every_seat", {"tables[four_seat]": 4, "tables[six_seat]": 6}, 27)
    m.le("room_limit", {"tables[four_seat]": 1, "tables[six_seat]": 1}, 8)
    m.ge("one_large_table", {"tables[six_seat]": 1}, 1)
    m.objective({"tables[four_seat]": 30, "tables[six_seat]": 40})
    conflict = m.unique_conflict()
    # the LP relaxation is feasible: the conflict is due to integrality (27 is odd, 4a + 6b is even)
    relaxed = LinearModel("min")
    relaxed.var("a", 0, 10)
    relaxed.var("b", 0, 10)
    relaxed.eq("fill", {"a": 4, "b": 6}, 27)
    assert relaxed.solve()[0] == "OPTIMAL"
    assert all((4 * a + 6 * b) != 27 for a in range(11) for b in range(11))
    return Result("infeasible_seating", "INFEASIBLE", conflict=conflict,
                  method="family removal with scipy milp; parity argument; LP relaxation feasible")


def feed_blend():
    ings = ["corn", "soy", "fish"]
    protein = [9, 44, 60]
    fibre = [2, 7, 1]
    m = LinearModel("min")
    for i in ings:
        m.var(f"use[{i}]")
    m.eq("batch_size", {f"use[{i}]": 1 for i in ings}, 100)
    m.row("protein_range", {f"use[{i}]": protein[k] / 100 for k, i in enumerate(ings)}, 30, 35)
    m.le("stock_limit", {"use[soy]": 1}, 30)
    m.le("stock_limit", {"use[fish]": 1}, 10)
    m.le("fibre_limit", {f"use[{i}]": fibre[k] / 100 for k, i in enumerate(ings)}, 8)
    m.ge("corn_share", {"use[corn]": 1}, 20)
    m.objective({f"use[{i}]": c for i, c in zip(ings, [0.2, 0.5, 1.1])})
    return Result("infeasible_feed_blend", "INFEASIBLE", conflict=m.unique_conflict(),
                  method="family removal with scipy milp; best protein with the stock is 24.6% < 30%")


def network():
    roads = [("plant", "yard"), ("plant", "depot"), ("yard", "depot"), ("yard", "shop1"), ("depot", "shop1"), ("depot", "shop2")]
    cap = [35, 25, 30, 40, 40, 40]
    cost = [3, 4, 1, 5, 2, 3]
    supply = {"plant": 70, "shop1": -40, "shop2": -30}
    m = LinearModel("min")
    for i, j in roads:
        m.var(f"flow[{i},{j}]")
    for n in ["plant", "yard", "depot", "shop1", "shop2"]:
        coeffs = {}
        for i, j in roads:
            if i == n:
                coeffs[f"flow[{i},{j}]"] = 1
            if j == n:
                coeffs[f"flow[{i},{j}]"] = -1
        m.eq("conservation", coeffs, supply.get(n, 0))
    for (i, j), c in zip(roads, cap):
        m.le("road_capacity", {f"flow[{i},{j}]": 1}, c)
    m.ge("rail_contract", {"flow[yard,depot]": 1}, 5)
    m.le("cost_budget", {f"flow[{i},{j}]": c for (i, j), c in zip(roads, cost)}, 2000)
    m.objective({f"flow[{i},{j}]": c for (i, j), c in zip(roads, cost)})
    return Result("infeasible_network", "INFEASIBLE", conflict=m.unique_conflict(),
                  method="family removal with scipy milp; the cut around the plant carries 60 < 70")


def verify():
    return [capacity(), seating(), feed_blend(), network()]


if __name__ == "__main__":
    report(verify())
