"""portfolio_cardinality (MIQP): enumerate every set of at most two held funds; each leaves a convex QP
solved exactly (rational KKT, active-set enumeration)."""
from fractions import Fraction as F
from itertools import combinations

from corpus_lib import Result, exact_convex_qp, report

FUNDS = ["tech", "health", "energy", "utilities", "reit"]
MU = [9, 7, 6, 4, F("5.5")]
SIGMA = [[30, 6, 4, 1, 5], [6, 16, 2, F("1.5"), 3], [4, 2, 25, 2, 4], [1, F("1.5"), 2, 6, F("1.5")], [5, 3, 4, F("1.5"), 14]]
LAMBDA, MIN_HOLD = F("0.2"), F("0.15")


def verify():
    best = None
    for k in (1, 2):
        for held in combinations(range(5), k):
            n = len(held)
            Q = [[2 * LAMBDA * SIGMA[i][j] for j in held] for i in held]
            c = [-MU[i] for i in held]
            A_in = [[-1 if a == b else 0 for b in range(n)] for a in range(n)] + [[1 if a == b else 0 for b in range(n)] for a in range(n)]
            b_in = [-MIN_HOLD] * n + [1] * n
            value, x = exact_convex_qp(Q, c, [[1] * n], [1], A_in, b_in)
            if best is None or value < best[0]:
                best = (value, held, x)
    value, held, x = best
    cert = {}
    for i, f in enumerate(FUNDS):
        cert[f"w[{f}]"] = float(x[held.index(i)]) if i in held else 0.0
        cert[f"hold[{f}]"] = 1.0 if i in held else 0.0
    return [Result("portfolio_cardinality", "OPTIMAL", float(value), cert,
                   method=f"enumeration of 15 held sets x exact KKT; best holds {[FUNDS[i] for i in held]}, value {value}")]


if __name__ == "__main__":
    report(verify())
