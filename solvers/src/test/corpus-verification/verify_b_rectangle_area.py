"""b_rectangle_area (nonconvex QP, maximize length * width): analytic optimum, checked on a fine grid.

The area grows in both sides, so at an optimum the fence binds or both sides are at their bounds
(50 * 40 needs 130 m > 120 m, so the fence binds).  For a width w the best length is
L(w) = min(frontage, fence - 2 w), so the area is 50 w (increasing) for w <= 35 and w (120 - 2 w)
(a parabola with its top at w = 30, decreasing after it) for 35 <= w <= 40.  Hence w = 35, length = 50.
"""
from fractions import Fraction

from corpus_lib import Result, report

FENCE, FRONTAGE, DEPTH = 120, 50, 40


def best_area_for_width(w):
    length = min(Fraction(FRONTAGE), FENCE - 2 * w)
    return length * w if length >= 0 else None


def verify():
    w_star = Fraction(FENCE - FRONTAGE, 2)
    assert 0 <= w_star <= DEPTH
    analytic = best_area_for_width(w_star)
    assert FENCE / 4 < w_star  # the parabola's top lies left of the kink, so the kink is the maximum
    # grid over width (every 0.01 m) with the best length for each width
    grid = max(best_area_for_width(Fraction(k, 100)) for k in range(0, DEPTH * 100 + 1))
    assert grid == analytic, (grid, analytic)
    # and a grid over both sides (every 0.5 m) never beats it
    best2 = max(Fraction(a, 2) * Fraction(b, 2) for a in range(0, 2 * FRONTAGE + 1) for b in range(0, 2 * DEPTH + 1)
                if Fraction(a, 2) + 2 * Fraction(b, 2) <= FENCE)
    assert best2 == analytic
    cert = {"length": float(FRONTAGE), "width": float(w_star)}
    return [Result("b_rectangle_area", "OPTIMAL", float(analytic), cert, method="analytic (kink of min(50, 120 - 2w) * w) + grids")]


if __name__ == "__main__":
    report(verify())
