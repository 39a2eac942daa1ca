"""portfolio_qp (QP, convex): exact KKT solution by active-set enumeration in rational arithmetic;
multi-start SLSQP agrees."""
import numpy as np

from corpus_lib import Result, exact_convex_qp, multistart_minimize, report

ASSETS = ["bonds", "equity", "property", "gold"]
MU = ["3.0", "8.5", "6.0", "4.5"]
COV = [["4", "1", "1.5", "-0.5"], ["1", "36", "10", "-2"], ["1.5", "10", "20", "1"], ["-0.5", "-2", "1", "25"]]
TARGET = "6.0"


def verify():
    from fractions import Fraction as F
    n = 4
    Q = [[2 * F(v) for v in row] for row in COV]  # objective w'Cw = 0.5 w'(2C)w
    A_in = [[-F(m) for m in MU]] + [[-1 if i == j else 0 for j in range(n)] for i in range(n)] \
        + [[1 if i == j else 0 for j in range(n)] for i in range(n)]
    b_in = [-F(TARGET)] + [0] * n + [F("0.5")] * n
    value, x = exact_convex_qp(Q, [0] * n, [[1] * n], [1], A_in, b_in)
    C = np.array(COV, dtype=float)
    mu = np.array(MU, dtype=float)
    res = multistart_minimize(lambda w: w @ C @ w, [(0, 0.5)] * n, starts=50, constraints=(
        {"type": "eq", "fun": lambda w: w.sum() - 1}, {"type": "ineq", "fun": lambda w: mu @ w - 6.0}))
    assert abs(res.fun - float(value)) < 1e-8, (res.fun, value)
    cert = {f"weight[{a}]": float(v) for a, v in zip(ASSETS, x)}
    return [Result("portfolio_qp", "OPTIMAL", float(value), cert, method=f"exact KKT (active sets, rationals): {value}; multi-start SLSQP agrees")]


if __name__ == "__main__":
    report(verify())
