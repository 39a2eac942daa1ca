"""alloy_blending (LP): equality batch total, ranged composition rows, upper bounds from stock."""
from corpus_lib import LinearModel, Result, report, solve_lp_proved

MATERIALS = ["scrap_a", "scrap_b", "ore", "copper", "nickel"]
COST = [1.2, 1.5, 0.8, 6.0, 9.5]
STOCK = [400, 500, 1000, 200, 150]
CONTENT = [[30, 5, 60], [15, 20, 55], [5, 2, 85], [99, 0, 1], [0, 99, 1]]  # % cu, ni, fe
LO = [25, 8, 50]
HI = [32, 12, 70]
BATCH = 1000


def verify():
    m = LinearModel("min")
    for k, mat in enumerate(MATERIALS):
        m.var(f"use[{mat}]", 0, STOCK[k])
    m.eq("batch_total", {f"use[{mat}]": 1 for mat in MATERIALS}, BATCH)
    for e in range(3):
        m.row("composition", {f"use[{mat}]": CONTENT[k][e] / 100 for k, mat in enumerate(MATERIALS)},
              LO[e] * BATCH / 100, HI[e] * BATCH / 100)
    m.objective({f"use[{mat}]": COST[k] for k, mat in enumerate(MATERIALS)})
    obj, x = solve_lp_proved(m)
    return [Result("alloy_blending", "OPTIMAL", obj, x, method="scipy milp (HiGHS) as LP + hand-checked dual bound")]


if __name__ == "__main__":
    report(verify())
