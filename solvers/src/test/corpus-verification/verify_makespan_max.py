"""makespan_max (MILP, max(...) objective): enumeration of all 3^8 assignments."""
from itertools import product

from corpus_lib import Result, report

DURATION = [7, 5, 9, 4, 6, 3, 8, 5]
PRINTERS = ["p1", "p2", "p3"]


def verify():
    best = None
    for a in product(range(3), repeat=8):
        loads = [sum(d for d, m in zip(DURATION, a) if m == k) for k in range(3)]
        if best is None or max(loads) < best[0]:
            best = (max(loads), a)
    value, a = best
    assert value == -(-sum(DURATION) // 3)  # meets the trivial lower bound ceil(47 / 3) = 16
    cert = {f"assign[{j + 1},{p}]": 1.0 if a[j] == k else 0.0 for j in range(8) for k, p in enumerate(PRINTERS)}
    return [Result("makespan_max", "OPTIMAL", float(value), cert, method="enumeration of 6561 assignments; equals the bound ceil(47/3)")]


if __name__ == "__main__":
    report(verify())
