"""set_cover (MILP): enumeration of all 2^8 site subsets."""
from corpus_lib import Result, brute_force, report

COST = {"elm_st": 40, "oak_ave": 35, "mill_rd": 28, "park_ln": 32, "bay_rd": 25, "hill_st": 30, "river_rd": 38, "main_sq": 45}
COVERS = {
    "elm_st": {1, 2, 3}, "oak_ave": {2, 4, 5}, "mill_rd": {3, 6}, "park_ln": {4, 7, 8}, "bay_rd": {8, 9},
    "hill_st": {5, 6, 10}, "river_rd": {1, 7, 9, 10}, "main_sq": {2, 3, 5, 6, 8},
}


def verify():
    best, point, count = brute_force(
        {s: (0, 1) for s in COST},
        lambda p: sum(COST[s] * p[s] for s in COST),
        lambda p: all(any(p[s] and d in COVERS[s] for s in COST) for d in range(1, 11)))
    cert = {f"build[{s}]": float(point[s]) for s in COST}
    return [Result("set_cover", "OPTIMAL", float(best), cert,
                   method=f"enumeration of 256 subsets ({count} cover); best {[s for s in COST if point[s]]}")]


if __name__ == "__main__":
    report(verify())
