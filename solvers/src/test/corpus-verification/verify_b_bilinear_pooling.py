"""b_bilinear_pooling (nonconvex QCP): global optimum by a grid over the pool sulfur plus a spatial
branch and bound with McCormick envelopes.

For a fixed pool sulfur q the model is an LP, so
  * a grid of 1001 values of q in [1, 3.5] gives feasible points (lower bounds on the best profit);
  * a branch and bound on the interval of q, relaxing q * pool_to[p] with McCormick envelopes (a valid LP
    upper bound on each sub-interval), closes the gap: every interval is either pruned (its bound is
    below the best point + 1e-9 relative) or split.
The optimum is at the end q = 1 (the pool takes only sweet crude); the other end q = 3.5 is a local
optimum with a much lower profit (267.69...), which is what makes the model a test of global search.
"""
import numpy as np
from scipy.optimize import linprog

from corpus_lib import Result, close, report

FEEDS = ["sour", "sweet"]
FEED_S = [3.5, 1.0]
FEED_COST = [5, 14]
BYPASS_S = 2.2
BYPASS_COST = 9
PRODUCTS = ["diesel", "jet"]
MAX_S = [2.6, 2.0]
PRICE = [10, 16]
DEMAND = [120, 180]
CAP = 300
Q_LO, Q_HI = 1.0, 3.5

# column order: feed[sour], feed[sweet], pool_to[diesel], pool_to[jet], bypass_to[diesel], bypass_to[jet]
LABELS = [f"feed[{f}]" for f in FEEDS] + [f"pool_to[{p}]" for p in PRODUCTS] + [f"bypass_to[{p}]" for p in PRODUCTS]
PROFIT = np.array([-FEED_COST[0], -FEED_COST[1], PRICE[0], PRICE[1], PRICE[0] - BYPASS_COST, PRICE[1] - BYPASS_COST], float)


def lp_fixed(q):
    """The LP left when the pool sulfur is fixed at q: (profit, x)."""
    A_eq = [[1, 1, -1, -1, 0, 0],
            [-FEED_S[0], -FEED_S[1], q, q, 0, 0]]
    A_ub = [[0, 0, q - MAX_S[0], 0, BYPASS_S - MAX_S[0], 0],
            [0, 0, 0, q - MAX_S[1], 0, BYPASS_S - MAX_S[1]],
            [0, 0, 1, 0, 1, 0],
            [0, 0, 0, 1, 0, 1]]
    b_ub = [0, 0, DEMAND[0], DEMAND[1]]
    res = linprog(-PROFIT, A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=[0, 0], bounds=[(0, CAP)] * 6, method="highs")
    assert res.status == 0, res.message
    return -res.fun, res.x


def mccormick_bound(a, b):
    """LP upper bound for q in [a, b]: columns x (6), q, w_d = q * pool_to[diesel], w_j = q * pool_to[jet]."""
    c = np.concatenate([-PROFIT, [0, 0, 0]])
    A_eq = [[1, 1, -1, -1, 0, 0, 0, 0, 0],
            [-FEED_S[0], -FEED_S[1], 0, 0, 0, 0, 0, 1, 1]]
    A_ub = [[0, 0, -MAX_S[0], 0, BYPASS_S - MAX_S[0], 0, 0, 1, 0],
            [0, 0, 0, -MAX_S[1], 0, BYPASS_S - MAX_S[1], 0, 0, 1],
            [0, 0, 1, 0, 1, 0, 0, 0, 0],
            [0, 0, 0, 1, 0, 1, 0, 0, 0]]
    b_ub = [0, 0, DEMAND[0], DEMAND[1]]
    for k, col in ((7, 2), (8, 3)):  # w = q * x with q in [a, b], x in [0, CAP]
        row = [0.0] * 9
        row[k], row[col] = -1, a            # w >= a x
        A_ub.append(row); b_ub.append(0)
        row = [0.0] * 9
        row[k], row[col], row[6] = -1, b, CAP  # w >= b x + CAP q - CAP b
        A_ub.append(row); b_ub.append(CAP * b)
        row = [0.0] * 9
        row[k], row[col] = 1, -b            # w <= b x
        A_ub.append(row); b_ub.append(0)
        row = [0.0] * 9
        row[k], row[col], row[6] = 1, -a, -CAP  # w <= a x + CAP q - CAP a
        A_ub.append(row); b_ub.append(-CAP * a)
    bounds = [(0, CAP)] * 6 + [(a, b), (0, CAP * Q_HI), (0, CAP * Q_HI)]
    res = linprog(c, A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=[0, 0], bounds=bounds, method="highs")
    if res.status == 2:
        return -np.inf
    assert res.status == 0, res.message
    return -res.fun


def verify():
    grid = np.linspace(Q_LO, Q_HI, 1001)
    values = [lp_fixed(q)[0] for q in grid]
    k = int(np.argmax(values))
    best_q, best = grid[k], values[k]
    assert best_q == Q_LO
    local = lp_fixed(Q_HI)[0]
    assert local < best - 900
    # spatial branch and bound on q
    tol = 1e-9 * abs(best)
    stack = [(Q_LO, Q_HI)]
    nodes = 0
    while stack:
        a, b = stack.pop()
        nodes += 1
        assert nodes < 20000
        if mccormick_bound(a, b) <= best + tol:
            continue
        mid = (a + b) / 2
        value, _ = lp_fixed(mid)
        if value > best:
            best, best_q = value, mid
        stack += [(a, mid), (mid, b)]
    value, x = lp_fixed(best_q)
    assert close(value, 1230.0, 1e-12)
    cert = {lab: float(v) for lab, v in zip(LABELS, x)}
    cert["pool_sulfur"] = float(best_q)
    # check the point in the original bilinear constraints
    pool = x[2] + x[3]
    assert abs(best_q * pool - (FEED_S[0] * x[0] + FEED_S[1] * x[1])) < 1e-7
    return [Result("b_bilinear_pooling", "OPTIMAL", 1230.0, cert,
                   method=f"grid of 1001 pool sulfur values (each an LP) + McCormick branch and bound ({nodes} nodes); local optimum at q=3.5 is {local:.4f}")]


if __name__ == "__main__":
    report(verify())
