"""b_ranged_blend (LP with ranged rows): scipy milp as an LP with a hand-checked dual bound, then the
exact vertex (fractions) from the rows and bounds that are active at the optimum."""
from fractions import Fraction

from corpus_lib import LinearModel, Result, close, report, solve_lp_proved

INGREDIENTS = ["corn", "soy_meal", "wheat_bran", "fish_meal", "limestone"]
NUTRIENTS = ["protein", "fat", "fibre", "calcium"]
CONTENT = {  # missing entries are 0 (the JSON's default)
    "corn": {"protein": "9", "fat": "4", "fibre": "2.5"},
    "soy_meal": {"protein": "46", "fat": "1.5", "fibre": "6", "calcium": "0.3"},
    "wheat_bran": {"protein": "16", "fat": "4", "fibre": "11", "calcium": "0.1"},
    "fish_meal": {"protein": "62", "fat": "9", "calcium": "5"},
    "limestone": {"calcium": "38"},
}
PRICE = [210, 420, 160, 1100, 60]
MIN_PCT = ["20", "3", "3", "0.9"]
MAX_PCT = ["23", "6", "6", "1.2"]
GRAIN_MIN, GRAIN_MAX = "0.4", "0.75"


def content(i, n):
    return Fraction(CONTENT[i].get(n, "0"))


def exact_vertex(active):
    """Solves the square system of active rows exactly (Gauss-Jordan over fractions)."""
    n = len(INGREDIENTS)
    M = [list(r) + [rhs] for r, rhs in active]
    assert len(M) == n, len(M)
    for col in range(n):
        piv = next(r for r in range(col, n) if M[r][col] != 0)
        M[col], M[piv] = M[piv], M[col]
        for r in range(n):
            if r != col and M[r][col] != 0:
                f = M[r][col] / M[col][col]
                M[r] = [a - f * c for a, c in zip(M[r], M[col])]
    return [M[i][n] / M[i][i] for i in range(n)]


def verify():
    m = LinearModel("min")
    for i in INGREDIENTS:
        m.var(f"share[{i}]", 0, 1)
    m.eq("whole_blend", {f"share[{i}]": 1 for i in INGREDIENTS}, 1)
    rows = []  # (coefficients as fractions, lo, hi)
    for k, n in enumerate(NUTRIENTS):
        coeffs = [content(i, n) for i in INGREDIENTS]
        rows.append((coeffs, Fraction(MIN_PCT[k]), Fraction(MAX_PCT[k])))
        m.row("nutrient_band", {f"share[{i}]": float(c) for i, c in zip(INGREDIENTS, coeffs)}, float(MIN_PCT[k]), float(MAX_PCT[k]))
    grain = [Fraction(1) if i in ("corn", "wheat_bran") else Fraction(0) for i in INGREDIENTS]
    rows.append((grain, Fraction(GRAIN_MIN), Fraction(GRAIN_MAX)))
    m.row("grain_band", {"share[corn]": 1, "share[wheat_bran]": 1}, float(GRAIN_MIN), float(GRAIN_MAX))
    m.objective({f"share[{i}]": PRICE[k] for k, i in enumerate(INGREDIENTS)})
    obj, x = solve_lp_proved(m)
    xv = [x[f"share[{i}]"] for i in INGREDIENTS]
    # active rows and bounds at the LP optimum, then the exact vertex
    active = [([Fraction(1)] * len(INGREDIENTS), Fraction(1))]
    sides = []
    for coeffs, lo, hi in rows:
        a = sum(float(c) * v for c, v in zip(coeffs, xv))
        if abs(a - float(lo)) < 1e-9:
            active.append((coeffs, lo)); sides.append("lo")
        elif abs(a - float(hi)) < 1e-9:
            active.append((coeffs, hi)); sides.append("hi")
        else:
            sides.append("-")
    for j, v in enumerate(xv):
        if abs(v) < 1e-9:
            active.append(([Fraction(int(k == j)) for k in range(len(INGREDIENTS))], Fraction(0)))
    vertex = exact_vertex(active)
    assert all(0 <= v <= 1 for v in vertex)
    for coeffs, lo, hi in rows:
        assert lo <= sum(c * v for c, v in zip(coeffs, vertex)) <= hi
    exact = sum(p * v for p, v in zip(PRICE, vertex))
    assert close(float(exact), obj, 1e-9), (exact, obj)
    assert sides == ["lo", "-", "hi", "hi", "-"], sides  # both sides of the bands are used
    cert = {f"share[{i}]": float(v) for i, v in zip(INGREDIENTS, vertex)}
    return [Result("b_ranged_blend", "OPTIMAL", float(exact), cert,
                   method=f"scipy milp (HiGHS) as LP + hand-checked dual bound; exact vertex cost {exact}")]


if __name__ == "__main__":
    report(verify())
