"""b_minmax_load (MILP, max(...) objective): enumeration of all 3^7 task-to-crew assignments."""
from itertools import product

from corpus_lib import Result, report

TASKS = ["wiring", "plumbing", "tiling", "painting", "roofing", "flooring", "glazing"]
CREWS = ["alpha", "bravo", "charlie"]
HOURS = [[5, 8, 7], [9, 6, 8], [3, 7, 6], [2, 5, 6], [10, 12, 9], [7, 6, 8], [2, 4, 5]]
MAX_TASKS = 3


def best(limit):
    found = None
    for a in product(range(len(CREWS)), repeat=len(TASKS)):
        if any(a.count(c) > limit for c in range(len(CREWS))):
            continue
        load = max(sum(HOURS[t][c] for t in range(len(TASKS)) if a[t] == c) for c in range(len(CREWS)))
        if found is None or load < found[0]:
            found = (load, a)
    return found


def verify():
    value, a = best(MAX_TASKS)
    unlimited, _ = best(len(TASKS))
    assert unlimited < value  # the task limit binds
    cert = {f"assign[{t},{c}]": 1.0 if a[i] == k else 0.0 for i, t in enumerate(TASKS) for k, c in enumerate(CREWS)}
    return [Result("b_minmax_load", "OPTIMAL", float(value), cert,
                   method=f"enumeration of 2187 assignments; without the task limit {unlimited}")]


if __name__ == "__main__":
    report(verify())
