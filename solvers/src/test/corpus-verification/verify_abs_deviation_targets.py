"""abs_deviation_targets (MILP, abs in the objective): enumeration of all 26^4 integer allocations."""
from itertools import product

from corpus_lib import Result, report

STORES = ["downtown", "harbor", "hillside", "airport"]
TARGET = [23, 17, 31, 12]
PENALTY = [3, 2, 4, 1]


def verify():
    best = None
    for p in product(range(26), repeat=4):
        if sum(p) > 75 or p[3] < 10:
            continue
        value = sum(w * abs(x - t) for w, x, t in zip(PENALTY, p, TARGET))
        if best is None or value < best[0]:
            best = (value, p)
    value, p = best
    cert = {f"pallets[{s}]": float(x) for s, x in zip(STORES, p)}
    return [Result("abs_deviation_targets", "OPTIMAL", float(value), cert, method=f"enumeration of 456976 allocations; best {p}")]


if __name__ == "__main__":
    report(verify())
