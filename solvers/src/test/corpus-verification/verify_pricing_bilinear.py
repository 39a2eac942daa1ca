"""pricing_bilinear (QP with a bilinear, indefinite objective).

Substituting the demand equalities q = a - B p turns the profit into a strictly concave quadratic in the
prices (Hessian -(B + B') is negative definite), so the global optimum is the unique KKT point of a
convex QP in p, found exactly by rational active-set enumeration.  A 0.01-step grid over the price box
(with the capacity and q >= 0 checks) confirms no better point exists."""
from fractions import Fraction as F

import numpy as np

from corpus_lib import Result, exact_convex_qp, report

A = [200, 150]
B = [[8, -2], [-1, 3]]  # q = A - B p  (own slopes on the diagonal, cross effects negated)
COST = [6, 15]
LO, HI = [8, 20], [25, 45]
CAP, Q_UB = 140, 400


def verify():
    # profit = (p - c)'(A - B p) = -p'Bp + p'(A + B'c) - c'A ; minimise the negative
    Q = [[2 * F(B[i][j] + B[j][i], 2) for j in range(2)] for i in range(2)]  # Hessian of p'Bp is B + B'
    lin = [-(A[i] + sum(B[j][i] * COST[j] for j in range(2))) for i in range(2)]
    const = sum(COST[i] * A[i] for i in range(2))
    # constraints in p: capacity sum(A - B p) <= CAP ; q_i >= 0 -> (B p)_i <= A_i ; q_i <= 400 ; bounds
    A_in = [[-(B[0][0] + B[1][0]), -(B[0][1] + B[1][1])]]
    b_in = [CAP - sum(A)]
    for i in range(2):
        A_in.append([B[i][0], B[i][1]]); b_in.append(A[i])
        A_in.append([-B[i][0], -B[i][1]]); b_in.append(Q_UB - A[i])
        A_in.append([-1 if j == i else 0 for j in range(2)]); b_in.append(-LO[i])
        A_in.append([1 if j == i else 0 for j in range(2)]); b_in.append(HI[i])
    neg, p = exact_convex_qp(Q, lin, (), (), A_in, b_in)
    value = -(neg + const)
    q = [A[i] - sum(B[i][j] * p[j] for j in range(2)) for i in range(2)]
    assert abs(float(sum((p[i] - COST[i]) * q[i] for i in range(2)) - value)) < 1e-12

    p1, p2 = np.meshgrid(np.arange(LO[0], HI[0] + 1e-9, 0.01), np.arange(LO[1], HI[1] + 1e-9, 0.01))
    q1 = A[0] - B[0][0] * p1 - B[0][1] * p2
    q2 = A[1] - B[1][0] * p1 - B[1][1] * p2
    ok = (q1 >= 0) & (q2 >= 0) & (q1 <= Q_UB) & (q2 <= Q_UB) & (q1 + q2 <= CAP + 1e-9)
    grid_best = np.max(np.where(ok, (p1 - COST[0]) * q1 + (p2 - COST[1]) * q2, -np.inf))
    assert grid_best <= float(value) + 1e-9 and grid_best >= float(value) - 1.0, (grid_best, value)
    cert = {"price[basic]": float(p[0]), "price[premium]": float(p[1]), "qty[basic]": float(q[0]), "qty[premium]": float(q[1])}
    return [Result("pricing_bilinear", "OPTIMAL", float(value), cert,
                   method=f"exact KKT of the reduced concave QP: {value}; grid over prices agrees (best grid {grid_best:.4f})")]


if __name__ == "__main__":
    report(verify())
