"""assignment_5x5 (MILP): enumeration of all 120 permutations; scipy linear_sum_assignment agrees."""
from itertools import permutations

import numpy as np
from scipy.optimize import linear_sum_assignment

from corpus_lib import Result, report

WORKERS = ["ana", "ben", "chloe", "dev", "emil"]
TASKS = ["audit", "build", "coding", "design", "editing"]
HOURS = [[9, 4, 7, 8, 6], [6, 8, 5, 7, 9], [7, 6, 8, 4, 5], [5, 9, 6, 6, 7], [8, 5, 9, 7, 4]]


def verify():
    best = min(permutations(range(5)), key=lambda p: sum(HOURS[w][p[w]] for w in range(5)))
    value = sum(HOURS[w][best[w]] for w in range(5))
    rows, cols = linear_sum_assignment(np.array(HOURS))
    assert np.array(HOURS)[rows, cols].sum() == value
    cert = {f"assign[{w},{t}]": 1.0 if best[i] == j else 0.0 for i, w in enumerate(WORKERS) for j, t in enumerate(TASKS)}
    return [Result("assignment_5x5", "OPTIMAL", float(value), cert, method="enumeration of 120 permutations; Hungarian method agrees")]


if __name__ == "__main__":
    report(verify())
