"""b_portfolio_qp (convex QP): exact KKT point by active-set enumeration with fractions; scipy SLSQP from
many starts agrees.

The covariance matrix is positive definite, so the QP is strictly convex and a KKT point is the unique
global optimum.  For every set P of assets allowed to be positive and each choice of the return row
(active or not), the stationarity equations 2 S_PP w_P - lam mu_P - nu 1 = 0, sum w_P = 1 (and
mu_P . w_P = target when active) are solved exactly; the point is kept when w >= 0, lam >= 0, the
return row holds and every asset outside P has a non-negative reduced gradient.  The upper bounds
w <= 1 are not used by the KKT system (it is a relaxation) and hold at the point found.
"""
from fractions import Fraction
from itertools import combinations

import numpy as np
from scipy.optimize import minimize

from corpus_lib import Result, close, report

ASSETS = ["bonds", "equities", "property", "gold"]
MU = [3, 8, 6, 2]
COV = [[4, 2, 1, -1], [2, 36, 9, -2], [1, 9, 16, 0], [-1, -2, 0, 9]]
TARGET = Fraction("6.2")


def solve_exact(A, b):
    """Gaussian elimination over fractions; None when singular."""
    n = len(A)
    M = [[Fraction(v) for v in row] + [Fraction(rhs)] for row, rhs in zip(A, b)]
    for col in range(n):
        piv = next((r for r in range(col, n) if M[r][col] != 0), None)
        if piv is None:
            return None
        M[col], M[piv] = M[piv], M[col]
        for r in range(n):
            if r != col and M[r][col] != 0:
                f = M[r][col] / M[col][col]
                M[r] = [a - f * c for a, c in zip(M[r], M[col])]
    return [M[i][n] / M[i][i] for i in range(n)]


def kkt_points():
    found = []
    n = len(ASSETS)
    for size in range(1, n + 1):
        for P in combinations(range(n), size):
            for active in (True, False):
                k = len(P)
                # unknowns: w_P (k), nu, lam (if active)
                rows, rhs = [], []
                for a, i in enumerate(P):
                    row = [2 * COV[i][j] for j in P] + [-1] + ([-MU[i]] if active else [])
                    rows.append(row); rhs.append(0)
                rows.append([1] * k + [0] + ([0] if active else [])); rhs.append(1)
                if active:
                    rows.append([MU[i] for i in P] + [0, 0]); rhs.append(TARGET)
                sol = solve_exact(rows, rhs)
                if sol is None:
                    continue
                w = [Fraction(0)] * n
                for a, i in enumerate(P):
                    w[i] = sol[a]
                nu = sol[k]
                lam = sol[k + 1] if active else Fraction(0)
                if any(v < 0 or v > 1 for v in w) or lam < 0:
                    continue
                if sum(MU[i] * w[i] for i in range(n)) < TARGET:
                    continue
                grad = [2 * sum(COV[i][j] * w[j] for j in range(n)) for i in range(n)]
                if any(grad[i] - lam * MU[i] - nu < 0 for i in range(n) if i not in P):
                    continue
                found.append(tuple(w))
    return set(found)


def verify():
    assert np.all(np.linalg.eigvalsh(np.array(COV, float)) > 0)
    points = kkt_points()
    assert len(points) == 1, points
    w = next(iter(points))
    exact = sum(COV[i][j] * w[i] * w[j] for i in range(4) for j in range(4))
    assert w[3] == 0  # gold is left out
    S = np.array(COV, float)
    mu = np.array(MU, float)
    rng = np.random.default_rng(7)
    for _ in range(20):
        start = rng.dirichlet(np.ones(4))
        res = minimize(lambda x: x @ S @ x, start, jac=lambda x: 2 * S @ x, method="SLSQP",
                       bounds=[(0, 1)] * 4, options={"ftol": 1e-15, "maxiter": 500},
                       constraints=[{"type": "eq", "fun": lambda x: x.sum() - 1},
                                    {"type": "ineq", "fun": lambda x: mu @ x - float(TARGET)}])
        assert close(res.fun, float(exact), 1e-8), (res.message, res.fun, float(exact))
    cert = {f"weight[{a}]": float(w[i]) for i, a in enumerate(ASSETS)}
    return [Result("b_portfolio_qp", "OPTIMAL", float(exact), cert,
                   method=f"exact KKT by active-set enumeration (variance {exact}); SLSQP from 20 starts agrees")]


if __name__ == "__main__":
    report(verify())
