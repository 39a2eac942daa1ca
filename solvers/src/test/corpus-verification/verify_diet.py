"""diet (LP): ranged nutrient rows built from min/max data with defaults (0 and 100000)."""
from corpus_lib import LinearModel, Result, report, solve_lp_proved

FOODS = ["oats", "milk", "eggs", "beans", "bread", "apples"]
COST = [0.30, 0.45, 0.40, 0.55, 0.25, 0.50]
CONTENT = [  # calories, protein, calcium, fiber, sodium per serving
    [150, 5, 20, 4, 0],
    [120, 8, 300, 0, 105],
    [80, 6, 25, 0, 70],
    [220, 15, 80, 12, 400],
    [80, 3, 40, 1.5, 150],
    [95, 0.5, 10, 4.4, 2],
]
NEED_MIN = [1800, 55, 800, 25, 0]
NEED_MAX = [2400, 100000, 100000, 100000, 2000]


def verify():
    m = LinearModel("min")
    for f in FOODS:
        m.var(f"servings[{f}]", 0, 6)
    for n in range(5):
        m.row("nutrition", {f"servings[{f}]": CONTENT[k][n] for k, f in enumerate(FOODS)}, NEED_MIN[n], NEED_MAX[n])
    m.objective({f"servings[{f}]": COST[k] for k, f in enumerate(FOODS)})
    obj, x = solve_lp_proved(m)
    return [Result("diet", "OPTIMAL", obj, x, method="scipy milp (HiGHS) as LP + hand-checked dual bound")]


if __name__ == "__main__":
    report(verify())
