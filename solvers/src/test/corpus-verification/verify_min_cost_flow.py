"""min_cost_flow (LP): tuple set of arcs, default net supply 0; LP vs networkx network simplex."""
import networkx as nx

from corpus_lib import LinearModel, Result, report, solve_lp_proved

NODES = ["mill", "depot_n", "depot_s", "hub", "shop_a", "shop_b", "shop_c"]
SUPPLY = {"mill": 90, "shop_a": -30, "shop_b": -35, "shop_c": -25}
ARCS = {  # (i, j): (cost, capacity)
    ("mill", "depot_n"): (4, 60), ("mill", "depot_s"): (3, 50), ("mill", "hub"): (6, 40),
    ("depot_n", "hub"): (1, 30), ("depot_n", "shop_a"): (5, 40), ("depot_n", "shop_b"): (7, 20),
    ("depot_s", "hub"): (2, 30), ("depot_s", "shop_c"): (6, 30),
    ("hub", "shop_a"): (3, 25), ("hub", "shop_b"): (2, 50), ("hub", "shop_c"): (4, 20),
}


def verify():
    m = LinearModel("min")
    for (i, j), (_, cap) in ARCS.items():
        m.var(f"flow[{i},{j}]", 0, cap)
    for n in NODES:
        coeffs = {}
        for (i, j) in ARCS:
            if i == n:
                coeffs[f"flow[{i},{j}]"] = coeffs.get(f"flow[{i},{j}]", 0) + 1
            if j == n:
                coeffs[f"flow[{i},{j}]"] = coeffs.get(f"flow[{i},{j}]", 0) - 1
        m.eq("balance", coeffs, SUPPLY.get(n, 0))
    m.objective({f"flow[{i},{j}]": c for (i, j), (c, _) in ARCS.items()})
    obj, x = solve_lp_proved(m)

    g = nx.DiGraph()
    for n in NODES:
        g.add_node(n, demand=-SUPPLY.get(n, 0))
    for (i, j), (c, cap) in ARCS.items():
        g.add_edge(i, j, weight=c, capacity=cap)
    assert nx.min_cost_flow_cost(g) == round(obj), (nx.min_cost_flow_cost(g), obj)
    return [Result("min_cost_flow", "OPTIMAL", obj, x, method="scipy milp (HiGHS) as LP + dual bound; networkx network simplex agrees")]


if __name__ == "__main__":
    report(verify())
