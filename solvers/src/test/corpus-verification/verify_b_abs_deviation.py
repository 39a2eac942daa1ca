"""b_abs_deviation (LP via abs of affine terms): exact enumeration of lines through two data points,
and the epigraph LP (dev[k] >= +-residual) with a hand-checked dual bound.

Least absolute deviations with two free parameters has an optimal line through (at least) two data
points: the epigraph LP has no lines (the hours are not all equal), so it has an optimal vertex, and
at a vertex two residuals are zero.  Enumerating the 28 pairs with exact fractions gives the optimum.
"""
from fractions import Fraction
from itertools import combinations

from corpus_lib import INF, LinearModel, Result, report, solve_lp_proved

HOUR = [1, 2, 3, 4, 5, 6, 7, 8]
READING = ["2.1", "3.9", "6.2", "7.8", "10.5", "11.9", "14.2", "30.0"]


def verify():
    pts = [(Fraction(x), Fraction(y)) for x, y in zip(HOUR, READING)]
    best = None
    for (x1, y1), (x2, y2) in combinations(pts, 2):
        slope = (y2 - y1) / (x2 - x1)
        intercept = y1 - slope * x1
        total = sum(abs(y - intercept - slope * x) for x, y in pts)
        if best is None or total < best[0]:
            best = (total, intercept, slope)
    exact, a, b = best
    m = LinearModel("min")
    m.var("intercept", -INF, INF)
    m.var("slope", -INF, INF)
    for k, (x, y) in enumerate(zip(HOUR, READING), start=1):
        m.var(f"dev[{k}]")
        m.ge("dev_above", {f"dev[{k}]": 1, "intercept": 1, "slope": x}, float(y))
        m.ge("dev_below", {f"dev[{k}]": 1, "intercept": -1, "slope": -x}, -float(y))
    m.objective({f"dev[{k}]": 1 for k in range(1, 9)})
    obj, _ = solve_lp_proved(m)
    assert abs(obj - float(exact)) < 1e-9, (obj, exact)
    cert = {"intercept": float(a), "slope": float(b)}
    return [Result("b_abs_deviation", "OPTIMAL", float(exact), cert,
                   method=f"exact enumeration of 28 two-point lines (sum {exact}, line {a} + {b} h); epigraph LP + dual bound agrees")]


if __name__ == "__main__":
    report(verify())
