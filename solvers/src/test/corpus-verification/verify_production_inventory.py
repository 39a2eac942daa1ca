"""production_inventory (LP): stock[t - 1] recursion with a separate first month; upper bound = capacity."""
from corpus_lib import LinearModel, Result, report, solve_lp_proved

MONTHS = range(1, 7)
DEMAND = [120, 160, 200, 240, 180, 140]
CAPACITY = [180, 180, 200, 200, 180, 160]
UNIT_COST = [10, 10, 11, 11, 12, 12]
HOLD, INIT, WAREHOUSE, SAFETY = 1.5, 40, 120, 30


def greedy_check():
    """Independent argument: with per-unit costs, meet each month's need from the cheapest earlier month
    (production cost + holding) that still has capacity, respecting the warehouse; computed here by a
    tiny exhaustive search over integer plans would be too large, so instead the LP optimum is checked
    against a min-cost-flow formulation solved with networkx (network simplex, integer data x2)."""
    import networkx as nx
    g = nx.DiGraph()
    total_need = sum(DEMAND) + SAFETY - INIT
    g.add_node("src", demand=-total_need)
    for t in MONTHS:
        need = DEMAND[t - 1] - (INIT if t == 1 else 0) + (SAFETY if t == 6 else 0)
        g.add_node(f"m{t}", demand=need)
        # costs doubled to keep them integral (holding 1.5 -> 3)
        g.add_edge("src", f"m{t}", capacity=CAPACITY[t - 1], weight=2 * UNIT_COST[t - 1])
        if t < 6:
            g.add_edge(f"m{t}", f"m{t + 1}", capacity=WAREHOUSE, weight=3)
    # the stock left at the end of month 6 (safety stock) is held one month as well
    cost = nx.min_cost_flow_cost(g) / 2 + HOLD * SAFETY
    return cost


def verify():
    m = LinearModel("min")
    for t in MONTHS:
        m.var(f"make[{t}]", 0, CAPACITY[t - 1])
        m.var(f"stock[{t}]")
    for t in MONTHS:
        if t == 1:
            m.eq("first_month", {f"stock[{t}]": 1, f"make[{t}]": -1}, INIT - DEMAND[0])
        else:
            m.eq("stock_balance", {f"stock[{t}]": 1, f"stock[{t - 1}]": -1, f"make[{t}]": -1}, -DEMAND[t - 1])
        m.le("warehouse_limit", {f"stock[{t}]": 1}, WAREHOUSE)
        if t == 6:
            m.ge("ending_stock", {f"stock[{t}]": 1}, SAFETY)
    obj_terms = {}
    for t in MONTHS:
        obj_terms[f"make[{t}]"] = UNIT_COST[t - 1]
        obj_terms[f"stock[{t}]"] = HOLD
    m.objective(obj_terms)
    obj, x = solve_lp_proved(m)
    flow_cost = greedy_check()
    assert abs(flow_cost - obj) < 1e-9, (flow_cost, obj)
    return [Result("production_inventory", "OPTIMAL", obj, x,
                   method="scipy milp (HiGHS) as LP + dual bound; networkx min-cost flow agrees")]


if __name__ == "__main__":
    report(verify())
