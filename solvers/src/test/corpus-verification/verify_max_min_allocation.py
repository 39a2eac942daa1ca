"""max_min_allocation (MILP, maximize min(...)): enumeration of all 9^4 integer staffings."""
from itertools import product

from corpus_lib import Result, report

TEAMS = ["alpha", "beta", "gamma", "delta"]
RATE = [5, 7, 4, 6]
BASE = [10, 0, 14, 6]


def verify():
    best = None
    for n in product(range(9), repeat=4):
        if sum(n) > 14:
            continue
        value = min(r * k + b for r, k, b in zip(RATE, n, BASE))
        if best is None or value > best[0]:
            best = (value, n)
    value, n = best
    cert = {f"staff[{t}]": float(k) for t, k in zip(TEAMS, n)}
    return [Result("max_min_allocation", "OPTIMAL", float(value), cert, method=f"enumeration of 6561 staffings; best {n}")]


if __name__ == "__main__":
    report(verify())
