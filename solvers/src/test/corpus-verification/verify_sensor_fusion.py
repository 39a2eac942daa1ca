"""sensor_fusion (QP, least squares with an equality): exact KKT solution in rational arithmetic;
numpy's constrained least squares (via the KKT system in floats) agrees."""
from fractions import Fraction as F

import numpy as np

from corpus_lib import Result, exact_convex_qp, report

SENSORS = ["s_a", "s_b", "s_c"]
READING = [["10.2", "15.1", "19.8", "25.3", "30.1", "34.6"],
           ["9.5", "14.2", "20.9", "24.1", "29.0", "36.2"],
           ["11.0", "15.8", "19.0", "26.0", "31.2", "33.9"]]
REFERENCE = ["10.0", "15.0", "20.0", "25.0", "30.0", "35.0"]


def verify():
    R = [[F(v) for v in row] for row in READING]
    t = [F(v) for v in REFERENCE]
    # sum_k (sum_s w_s R_sk - t_k)^2 = w'(R R')w - 2 (R t)'w + t't
    Q = [[2 * sum(R[a][k] * R[b][k] for k in range(6)) for b in range(3)] for a in range(3)]
    c = [-2 * sum(R[a][k] * t[k] for k in range(6)) for a in range(3)]
    const = sum(v * v for v in t)
    value, w = exact_convex_qp(Q, c, [[1, 1, 1]], [1])
    value = value + const
    Rf = np.array(READING, dtype=float)
    tf = np.array(REFERENCE, dtype=float)
    K = np.block([[2 * Rf @ Rf.T, np.ones((3, 1))], [np.ones((1, 3)), np.zeros((1, 1))]])
    sol = np.linalg.solve(K, np.concatenate([2 * Rf @ tf, [1]]))
    assert abs(np.sum((sol[:3] @ Rf - tf) ** 2) - float(value)) < 1e-10
    cert = {f"w[{s}]": float(v) for s, v in zip(SENSORS, w)}
    return [Result("sensor_fusion", "OPTIMAL", float(value), cert, method=f"exact KKT in rationals: {value}; float KKT solve agrees")]


if __name__ == "__main__":
    report(verify())
