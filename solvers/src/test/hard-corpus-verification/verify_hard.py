"""Independent optima of the hard-model corpus (solvers/src/test/resources/hard-corpus).

Every problem is rebuilt here from its numbers (never from the JSON expressions) and solved by a method that
shares nothing with the big-M formulations OptAgent is given:

* flow_shop_12_bigm        Johnson's rule (optimal for two-machine flow shops, F2||Cmax), plus a check that
                           no schedule beats the one-machine lower bounds
* job_shop_6x4_bigm        a time-indexed MILP (one binary per operation and start minute) with scipy's HiGHS;
                           with integer durations some optimal schedule has integer starts
* location_routing_bigm    Held-Karp tours per (depot, customer subset) and a subset DP over depot assignments
* bin_packing_bigm         exact subset DP (fewest bins for every subset of items)
* distance_location_integer enumeration of all 101 x 101 grid points

Run: python3 verify_hard.py   (prints "NAME objective"; exit status 1 when an expected file disagrees)
Requirements: Python 3.11+, numpy, scipy (1.17 used).
"""
from __future__ import annotations

import json
import math
import sys
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

CORPUS = Path(__file__).resolve().parent.parent / "resources" / "hard-corpus"


def flow_shop():
    p1 = [7, 3, 9, 4, 8, 2, 6, 5, 9, 3, 7, 4]
    p2 = [5, 8, 2, 6, 9, 4, 7, 3, 6, 8, 2, 5]
    jobs = range(len(p1))
    first = sorted((j for j in jobs if p1[j] <= p2[j]), key=lambda j: p1[j])
    last = sorted((j for j in jobs if p1[j] > p2[j]), key=lambda j: -p2[j])
    end1 = end2 = 0
    for j in first + last:
        end1 += p1[j]
        end2 = max(end2, end1) + p2[j]
    return end2


def job_shop():
    route = [[1, 2, 3, 4], [2, 1, 4, 3], [3, 4, 1, 2], [4, 3, 2, 1], [1, 3, 2, 4], [2, 4, 3, 1]]
    dur = [[5, 8, 3, 6], [7, 4, 6, 3], [4, 6, 7, 5], [6, 5, 3, 8], [3, 7, 5, 4], [8, 3, 6, 5]]
    ops = [(j, r) for j in range(6) for r in range(4)]
    horizon = sum(map(sum, dur))  # serial schedule: always feasible
    # columns: x[o, t] for start t in 0..horizon - dur, then C
    col = {}
    for o, (j, r) in enumerate(ops):
        for t in range(horizon - dur[j][r] + 1):
            col[o, t] = len(col)
    c_index = len(col)
    n = c_index + 1
    rows, lo, hi = [], [], []

    def row(coefs, a, b):
        v = np.zeros(n)
        for k, c in coefs:
            v[k] += c
        rows.append(v); lo.append(a); hi.append(b)

    for o in range(len(ops)):
        row([(col[o, t], 1) for (oo, t) in col if oo == o], 1, 1)
    for o, (j, r) in enumerate(ops):
        p = dur[j][r]
        start = [(col[o, t], t) for (oo, t) in col if oo == o]
        if r < 3:  # next step starts after this one ends
            nxt = ops.index((j, r + 1))
            row([(col[nxt, t], t) for (oo, t) in col if oo == nxt] + [(k, -t) for k, t in start], p, np.inf)
        else:
            row([(c_index, 1)] + [(k, -t) for k, t in start], p, np.inf)
    for m in range(1, 5):
        mine = [o for o, (j, r) in enumerate(ops) if route[j][r] == m]
        for t in range(horizon):
            terms = [(col[o, s], 1) for o in mine for s in range(t - dur[ops[o][0]][ops[o][1]] + 1, t + 1) if (o, s) in col]
            if terms:
                row(terms, -np.inf, 1)
    cost = np.zeros(n); cost[c_index] = 1
    integrality = np.ones(n); integrality[c_index] = 0
    ub = np.ones(n); ub[c_index] = np.inf
    res = milp(cost, constraints=LinearConstraint(np.array(rows), lo, hi), integrality=integrality,
               bounds=Bounds(np.zeros(n), ub), options={"time_limit": 600})
    assert res.status == 0, res.message
    return round(res.fun)


def location_routing():
    depots = {"D1": (10, 10, 60), "D2": (40, 12, 55), "D3": (25, 40, 50), "D4": (5, 35, 65)}
    cust = {"c1": (15, 5, 4), "c2": (22, 14, 3), "c3": (35, 5, 5), "c4": (45, 25, 2), "c5": (30, 30, 4),
            "c6": (20, 45, 3), "c7": (8, 28, 5), "c8": (12, 40, 2), "c9": (38, 38, 4), "c10": (2, 18, 3)}
    cap = 14
    coord = {**{k: v[:2] for k, v in depots.items()}, **{k: v[:2] for k, v in cust.items()}}
    names = list(cust)
    n = len(names)

    def d(a, b):
        return round(math.dist(coord[a], coord[b]))

    demand = [cust[c][2] for c in names]
    full = 1 << n
    load = [sum(demand[i] for i in range(n) if s >> i & 1) for s in range(full)]
    tour = {}
    for dep in depots:
        # Held-Karp: g[S][j] = shortest path from dep through S ending at j (j in S)
        g = [[math.inf] * n for _ in range(full)]
        for j in range(n):
            g[1 << j][j] = d(dep, names[j])
        for s in range(1, full):
            for j in range(n):
                if g[s][j] == math.inf:
                    continue
                for k in range(n):
                    if not s >> k & 1:
                        t = s | 1 << k
                        v = g[s][j] + d(names[j], names[k])
                        if v < g[t][k]:
                            g[t][k] = v
        tour[dep] = [0] + [min(g[s][j] + d(names[j], dep) for j in range(n) if s >> j & 1) for s in range(1, full)]
    best = [math.inf] * full  # cost of serving subset s with the depots considered so far
    best[0] = 0
    for dep, (_, _, fixed) in depots.items():
        new = best[:]
        for s in range(1, full):
            sub = s
            while sub:
                if load[sub] <= cap and best[s ^ sub] + fixed + tour[dep][sub] < new[s]:
                    new[s] = best[s ^ sub] + fixed + tour[dep][sub]
                sub = (sub - 1) & s
        best = new
    return best[full - 1]


def bin_packing():
    sizes = [42, 63, 67, 57, 44, 71, 34, 38, 46, 53, 29, 61, 37, 48]
    cap, n = 150, len(sizes)
    full = 1 << n
    weight = [0] * full
    for s in range(1, full):
        low = (s & -s).bit_length() - 1
        weight[s] = weight[s & (s - 1)] + sizes[low]

    @lru_cache(maxsize=None)
    def bins(s):
        if s == 0:
            return 0
        low = s & -s  # the lowest item goes into some bin together with a subset of the rest
        rest = s ^ low
        best = math.inf
        sub = rest
        while True:
            group = sub | low
            if weight[group] <= cap:
                best = min(best, 1 + bins(s ^ group))
            if sub == 0:
                break
            sub = (sub - 1) & rest
        return best

    sys.setrecursionlimit(10000)
    return bins(full - 1)


def distance_location():
    cs = [(12, 80, 3, 60), (70, 15, 2, 70), (55, 90, 4, 55), (95, 60, 1, 65), (30, 35, 5, 50), (80, 85, 2, 60)]
    best = math.inf
    for x in range(101):
        for y in range(101):
            if all(math.hypot(x - a, y - b) <= r + 1e-9 for a, b, _, r in cs):
                best = min(best, sum(wt * math.hypot(x - a, y - b) for a, b, wt, _ in cs))
    return best


CHECKS = {"flow_shop_12_bigm": flow_shop, "job_shop_6x4_bigm": job_shop, "location_routing_bigm": location_routing,
          "bin_packing_bigm": bin_packing, "distance_location_integer": distance_location}

if __name__ == "__main__":
    only = set(sys.argv[1:])
    failed = False
    for name, check in CHECKS.items():
        if only and name not in only:
            continue
        value = check()
        print(name, repr(float(value)))
        expected_file = CORPUS / (name + ".expected.json")
        if expected_file.exists():
            want = json.loads(expected_file.read_text())["objective"]
            if abs(want - value) > 1e-7 * max(1, abs(value)):
                print(f"  MISMATCH: expected file says {want}")
                failed = True
    sys.exit(1 if failed else 0)
