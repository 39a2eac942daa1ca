"""single_machine_disjunctive (MILP, either-or): enumerate the 24 job orders; for a fixed order the
earliest-start (semi-active) schedule is optimal because the objective increases with every start time."""
from itertools import permutations

from corpus_lib import Result, report

PROC = {1: 4, 2: 3, 3: 6, 4: 2}
RELEASE = {1: 0, 2: 2, 3: 1, 4: 5}
WEIGHT = {1: 2, 3: 1, 2: 3, 4: 4}
PAIRS = [(1, 2), (1, 3), (1, 4), (2, 3), (2, 4), (3, 4)]
BIG_M, LATEST = 30, 24


def verify():
    best = None
    for order in permutations(PROC):
        t, start = 0, {}
        for j in order:
            start[j] = max(t, RELEASE[j])
            t = start[j] + PROC[j]
        value = sum(WEIGHT[j] * (start[j] + PROC[j]) for j in PROC)
        if best is None or value < best[0]:
            best = (value, order, start)
    value, order, start = best
    assert max(start.values()) <= LATEST
    position = {j: i for i, j in enumerate(order)}
    cert = {f"start[{j}]": float(start[j]) for j in PROC}
    for j, k in PAIRS:
        first = 1.0 if position[j] < position[k] else 0.0
        cert[f"first[{j},{k}]"] = first
        # the big-M rows must hold for the chosen orientation
        assert start[j] + PROC[j] <= start[k] + BIG_M * (1 - first) + 1e-9
        assert start[k] + PROC[k] <= start[j] + BIG_M * first + 1e-9
    return [Result("single_machine_disjunctive", "OPTIMAL", float(value), cert,
                   method=f"enumeration of 24 orders with earliest starts; best order {order}")]


if __name__ == "__main__":
    report(verify())
