"""bigm_unit_flow_shop (MILP with big-M disjunctions): every job order simulated on two machines."""
from itertools import permutations

from corpus_lib import Result, report

JOBS, DURATION = 5, 1


def makespan(order_first, order_second):
    free = [0, 0]
    end_first = {}
    for j in order_first:
        end_first[j] = free[0] + DURATION
        free[0] = end_first[j]
    for j in order_second:
        free[1] = max(free[1], end_first[j]) + DURATION
    return free[1]


def verify():
    # Each machine may take the jobs in its own order; semi-active schedules cover every optimum.
    best = min(makespan(a, b) for a in permutations(range(JOBS)) for b in permutations(range(JOBS)))
    return [Result("bigm_unit_flow_shop", "OPTIMAL", float(best), {}, method="enumeration of 120 x 120 machine orders")]


if __name__ == "__main__":
    report(verify())
