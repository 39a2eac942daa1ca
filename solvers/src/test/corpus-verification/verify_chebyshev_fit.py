"""chebyshev_fit (LP, free variables): LP vs the exact discrete Chebyshev (minimax) characterisation.

For best uniform approximation by a line on a finite point set, the minimax error equals the maximum,
over all 3-point subsets x1 < x2 < x3, of the levelled error h of the line that alternates on them
(a + b x_k + (-1)^k h = y_k).  This is computed with exact fractions.
"""
from fractions import Fraction
from itertools import combinations

from corpus_lib import INF, LinearModel, Result, report, solve_lp_proved

X = [0, 1, 2, 3, 4, 5, 6]
Y = ["-3.2", "-0.9", "0.8", "3.1", "4.6", "7.3", "8.7"]


def levelled_error():
    best = Fraction(0)
    pts = [(Fraction(x), Fraction(y)) for x, y in zip(X, Y)]
    for (x1, y1), (x2, y2), (x3, y3) in combinations(pts, 3):
        # unknowns a, b, h: a + b x1 + h = y1; a + b x2 - h = y2; a + b x3 + h = y3
        # eliminate: (y1 - y2) - b (x2 - x1) ... solved with Cramer's rule
        import sympy as sp
        a, b, h = sp.symbols("a b h")
        sol = sp.solve([a + b * x1 + h - y1, a + b * x2 - h - y2, a + b * x3 + h - y3], [a, b, h], dict=True)[0]
        best = max(best, abs(Fraction(str(sol[h]))))
    return best


def verify():
    m = LinearModel("min")
    m.var("intercept", -INF, INF)
    m.var("slope", -INF, INF)
    m.var("worst_error")
    for k, (x, y) in enumerate(zip(X, Y), start=1):
        y = float(y)
        m.le("error_above", {"intercept": 1, "slope": x, "worst_error": -1}, y)
        m.le("error_below", {"intercept": -1, "slope": -x, "worst_error": -1}, -y)
    m.objective({"worst_error": 1})
    obj, x = solve_lp_proved(m)
    exact = levelled_error()
    assert abs(float(exact) - obj) < 1e-12, (exact, obj)
    assert x["intercept"] < 0
    return [Result("chebyshev_fit", "OPTIMAL", float(exact), x,
                   method=f"scipy milp (HiGHS) as LP + dual bound; exact 3-point levelled error {exact}")]


if __name__ == "__main__":
    report(verify())
