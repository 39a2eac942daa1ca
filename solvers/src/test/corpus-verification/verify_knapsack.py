"""knapsack (MILP, maximize): brute force over all 2^12 packings; scipy milp agrees."""
from corpus_lib import LinearModel, Result, brute_force, report, solve_checked

ITEMS = ["tent", "stove", "lantern", "rope", "first_aid", "sleeping_bag", "water_filter", "camera", "books",
         "chair", "cooler", "tarp"]
WEIGHT = [11, 4, 3, 2, 3, 7, 2, 3, 5, 6, 9, 4]
SCORE = [45, 18, 12, 7, 20, 30, 16, 15, 9, 11, 24, 13]
CAPACITY = 30


def verify():
    best, point, _ = brute_force(
        {i: (0, 1) for i in ITEMS},
        lambda p: sum(SCORE[k] * p[i] for k, i in enumerate(ITEMS)),
        lambda p: sum(WEIGHT[k] * p[i] for k, i in enumerate(ITEMS)) <= CAPACITY,
        sense="max")
    m = LinearModel("max")
    for i in ITEMS:
        m.binary(f"pack[{i}]")
    m.le("weight_limit", {f"pack[{i}]": WEIGHT[k] for k, i in enumerate(ITEMS)}, CAPACITY)
    m.objective({f"pack[{i}]": SCORE[k] for k, i in enumerate(ITEMS)})
    obj, _ = solve_checked(m)
    assert obj == best, (obj, best)
    cert = {f"pack[{i}]": point[i] for i in ITEMS}
    return [Result("knapsack", "OPTIMAL", float(best), cert, method="enumeration of 4096 packings; scipy milp agrees")]


if __name__ == "__main__":
    report(verify())
