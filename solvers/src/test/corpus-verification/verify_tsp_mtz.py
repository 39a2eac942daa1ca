"""tsp_mtz (MILP): enumeration of all 120 tours from the depot."""
from itertools import permutations

from corpus_lib import Result, report

CITIES = ["depot", "ash", "elm", "fir", "oak", "yew"]
DIST = [
    [0, 8, 9, 7, 6, 5],
    [8, 0, 6, 11, 7, 13],
    [9, 6, 0, 8, 12, 15],
    [7, 11, 8, 0, 13, 11],
    [6, 7, 12, 13, 0, 7],
    [5, 13, 15, 11, 7, 0],
]


def verify():
    def length(order):
        tour = (0,) + order + (0,)
        return sum(DIST[a][b] for a, b in zip(tour, tour[1:]))

    best = min(permutations(range(1, 6)), key=length)
    value = length(best)
    tour = (0,) + best + (0,)
    arcs = set(zip(tour, tour[1:]))
    cert = {f"x[{CITIES[i]},{CITIES[j]}]": 1.0 if (i, j) in arcs else 0.0 for i in range(6) for j in range(6)}
    for position, city in enumerate(best, start=1):
        cert[f"u[{CITIES[city]}]"] = float(position)
    return [Result("tsp_mtz", "OPTIMAL", float(value), cert,
                   method=f"enumeration of 120 tours; best {' -> '.join(CITIES[c] for c in tour)}")]


if __name__ == "__main__":
    report(verify())
