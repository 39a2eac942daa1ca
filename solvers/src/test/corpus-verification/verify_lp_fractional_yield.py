"""lp_fractional_yield (continuous linear-fractional): Charnes-Cooper transformation solved as an LP."""
from scipy.optimize import linprog

from corpus_lib import Result, report


def verify():
    # max (2a + 3b + 1) / (a + b + 4)  s.t.  a + 2b <= 8,  3a + b <= 9,  a, b >= 0.
    # Charnes-Cooper: y = t*(a, b), t = 1 / (a + b + 4) > 0: max 2y1 + 3y2 + t
    # s.t. y1 + 2y2 - 8t <= 0, 3y1 + y2 - 9t <= 0, y1 + y2 + 4t = 1, y, t >= 0.
    lp = linprog(c=[-2, -3, -1], A_ub=[[1, 2, -8], [3, 1, -9]], b_ub=[0, 0], A_eq=[[1, 1, 4]], b_eq=[1],
                 bounds=[(0, None)] * 3, method="highs")
    assert lp.status == 0, lp.message
    y1, y2, t = lp.x
    a, b = y1 / t, y2 / t
    ratio = (2 * a + 3 * b + 1) / (a + b + 4)
    assert abs(ratio + lp.fun) < 1e-9
    return [Result("lp_fractional_yield", "OPTIMAL", float(ratio), {"a": float(a), "b": float(b)},
                   method=f"Charnes-Cooper LP with scipy HiGHS; optimum a={a:.6f}, b={b:.6f}")]


if __name__ == "__main__":
    report(verify())
