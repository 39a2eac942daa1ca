"""makespan_epigraph (MILP): enumeration of all 3^7 assignments with at most 3 jobs per machine
(len(Jobs) / len(Machines) + 1 = 7/3 + 1 = 3.33, so the integer count is at most 3)."""
from itertools import product

from corpus_lib import Result, report

JOBS = ["weld", "paint", "drill", "cut", "polish", "pack", "inspect"]
MACHINES = ["robot", "lathe", "manual"]
TIME = [[7, 9, 12], [8, 5, 10], [4, 6, 2], [7, 4, 8], [5, 7, 2], [3, 4, 2], [6, 8, 3]]


def verify():
    best = None
    for a in product(range(3), repeat=7):
        if any(a.count(k) > len(JOBS) / len(MACHINES) + 1 for k in range(3)):
            continue
        loads = [sum(TIME[j][k] for j in range(7) if a[j] == k) for k in range(3)]
        if best is None or max(loads) < best[0]:
            best = (max(loads), a)
    value, a = best
    unrestricted = min(max(sum(TIME[j][k] for j in range(7) if a2[j] == k) for k in range(3))
                       for a2 in product(range(3), repeat=7))
    cert = {f"assign[{j},{m}]": 1.0 if a[i] == k else 0.0 for i, j in enumerate(JOBS) for k, m in enumerate(MACHINES)}
    cert["makespan"] = float(value)
    return [Result("makespan_epigraph", "OPTIMAL", float(value), cert,
                   method=f"enumeration of 2187 assignments (without the wear rule the optimum would be {unrestricted})")]


if __name__ == "__main__":
    report(verify())
