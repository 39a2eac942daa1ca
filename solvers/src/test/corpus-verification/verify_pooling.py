"""pooling (QCP, nonconvex bilinear): a rigorous spatial branch-and-bound on the pool sulfur q.

For any interval [ql, qu] of q the bilinear terms q * from_pool[f] are replaced by their McCormick
envelopes, giving an LP whose optimum bounds the profit from above on that interval.  Intervals whose
bound does not exceed the incumbent (+1e-6) are discarded; the rest are halved.  The incumbent comes from
solving the LP with q fixed.  When the search ends, no point in [0.8, 3.5] can beat the incumbent by more
than the tolerance, so the incumbent is the global optimum (to 1e-6)."""
import numpy as np
from scipy.optimize import linprog

from corpus_lib import Result, report

SA, SB = 3.5, 0.8          # sulfur of crude_a, crude_b
CA, CB = 5, 12             # crude costs
SC, CC = 2.2, 11           # direct stream sulfur, cost
PX, PY = 12, 16            # fuel prices
MX, MY = 2.6, 1.4          # fuel sulfur limits
DX, DY = 120, 150          # fuel demand caps
UB = 300
QLO, QHI = 0.8, 3.5
TOL = 1e-6  # the proof: no q gives more than the incumbent + TOL

# variables: ina, inb, px, py, cx, cy (+ wx, wy in the relaxation: wx = q*px, wy = q*py)
PROFIT = np.array([-CA, -CB, PX, PY, PX - CC, PY - CC])


def fixed_q(q):
    Aeq = [[1, 1, -1, -1, 0, 0], [SA, SB, -q, -q, 0, 0]]
    Aub = [[0, 0, q - MX, 0, SC - MX, 0], [0, 0, 0, q - MY, 0, SC - MY], [0, 0, 1, 0, 1, 0], [0, 0, 0, 1, 0, 1]]
    r = linprog(-PROFIT, A_ub=Aub, b_ub=[0, 0, DX, DY], A_eq=Aeq, b_eq=[0, 0], bounds=[(0, UB)] * 6, method="highs")
    return (-r.fun, r.x) if r.status == 0 else (-np.inf, None)


def relaxation(ql, qu):
    """Upper bound on the profit over q in [ql, qu]: McCormick envelopes for w_f = q * p_f, with
    p_f in [0, UB], sharing one q variable.  Variables: ina, inb, px, py, cx, cy, wx, wy, q."""
    c = -np.concatenate([PROFIT, [0, 0, 0]])
    Aeq = [[1, 1, -1, -1, 0, 0, 0, 0, 0],            # pool balance
           [SA, SB, 0, 0, 0, 0, -1, -1, 0]]          # quality: SA ina + SB inb = q (px + py) = wx + wy
    Aub = [[0, 0, -MX, 0, SC - MX, 0, 1, 0, 0],      # wx + SC cx <= MX (px + cx)
           [0, 0, 0, -MY, 0, SC - MY, 0, 1, 0],
           [0, 0, 1, 0, 1, 0, 0, 0, 0],
           [0, 0, 0, 1, 0, 1, 0, 0, 0]]
    b = [0, 0, DX, DY]
    for k, w in ((2, 6), (3, 7)):
        def row(**coef):
            r = [0.0] * 9
            for idx, v in coef.items():
                r[int(idx[1:])] = v
            return r
        Aub.append(row(**{f"i{k}": ql, f"i{w}": -1}));                 b.append(0)            # w >= ql p
        Aub.append(row(**{f"i{k}": qu, f"i{w}": -1, "i8": UB}));       b.append(qu * UB)      # w >= qu p + UB q - qu UB
        Aub.append(row(**{f"i{k}": -qu, f"i{w}": 1}));                 b.append(0)            # w <= qu p
        Aub.append(row(**{f"i{k}": -ql, f"i{w}": 1, "i8": -UB}));      b.append(-ql * UB)     # w <= ql p + UB q - ql UB
    bounds = [(0, UB)] * 6 + [(None, None), (None, None), (ql, qu)]
    r = linprog(c, A_ub=Aub, b_ub=b, A_eq=Aeq, b_eq=[0, 0], bounds=bounds, method="highs")
    return -r.fun if r.status == 0 else -np.inf


def verify():
    # incumbent from a grid of fixed-q LPs (the kinks sit at the specification values)
    grid = sorted(set(np.linspace(QLO, QHI, 2701).round(6)) | {MX, MY, SC})
    best_q, best = max(((q, fixed_q(q)[0]) for q in grid), key=lambda t: t[1])
    stack, boxes = [(QLO, QHI)], 0
    while stack:
        ql, qu = stack.pop()
        boxes += 1
        if relaxation(ql, qu) <= best + TOL:
            continue
        mid = (ql + qu) / 2
        v = fixed_q(mid)[0]
        if v > best + TOL:  # ignore LP-tolerance noise (HiGHS feasibility tolerance 1e-7)
            best_q, best = mid, v
        assert qu - ql > 1e-9, f"branch and bound did not close near q = {ql}"
        stack += [(ql, mid), (mid, qu)]
    value, x = fixed_q(best_q)
    cert = {"buy[crude_a]": x[0], "buy[crude_b]": x[1], "from_pool[fuel_x]": x[2], "from_pool[fuel_y]": x[3],
            "direct[fuel_x]": x[4], "direct[fuel_y]": x[5], "pool_sulfur": best_q}
    cert = {k: float(v) for k, v in cert.items()}
    # exact value at q = 1.4: crude_a 60, crude_b 210 into the pool; 120 x and 150 y drawn; no direct stream
    assert abs(value - 1020.0) < 1e-9
    local = fixed_q(QHI)[0]
    return [Result("pooling", "OPTIMAL", 1020.0, cert,
                   method=f"spatial branch and bound with McCormick LPs ({boxes} intervals); global optimum at q = {best_q}; local optimum {local:.4f} at q = 3.5")]


if __name__ == "__main__":
    report(verify())
