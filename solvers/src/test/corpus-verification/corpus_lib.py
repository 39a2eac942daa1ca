"""Shared helpers for the corpus verification scripts.

Every verify_*.py script rebuilds its problem directly from the numbers (never by reading the JSON
expressions) and solves it with an independent method.  The helpers here are deliberately small:

* ``Result``     -- what a script reports for one model (status, objective, certificate, conflict, runaway).
* ``LinearModel`` -- a row-by-row linear (mixed-integer) model solved with scipy.optimize.milp (HiGHS),
                    with the checks used for infeasible models (unique family-level conflict) and
                    unbounded models (which variables run away).
* ``report``      -- prints ``NAME objective`` lines, the format README.md describes.

Variable labels follow OptAgent's instance labels (``ship[seattle,chicago]``; a scalar is just ``z``) so
a certificate (the optimal point) can be checked against the JSON model by other tools.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

INF = math.inf


def label(name, *key):
    """OptAgent-style instance label: name[a,b] (tuples flattened), or name for a scalar."""
    atoms = []
    for k in key:
        if isinstance(k, tuple):
            atoms.extend(k)
        else:
            atoms.append(k)
    if not atoms:
        return name
    return name + "[" + ",".join(fmt_atom(a) for a in atoms) + "]"


def fmt_atom(a):
    if isinstance(a, float) and a.is_integer():
        return str(int(a))
    return str(a)


@dataclass
class Result:
    name: str
    status: str  # OPTIMAL | INFEASIBLE | UNBOUNDED
    objective: float | None = None
    certificate: dict = field(default_factory=dict)  # label -> value at the optimum
    conflict: list | None = None
    runaway: list | None = None
    method: str = ""


def report(results):
    for r in results:
        if r.status == "OPTIMAL":
            print(f"{r.name} {r.objective!r}")
        elif r.status == "INFEASIBLE":
            print(f"{r.name} INFEASIBLE conflict={sorted(r.conflict)}")
        else:
            print(f"{r.name} UNBOUNDED runaway={sorted(r.runaway)}")


class LinearModel:
    """min/max c.x subject to rows lo <= a.x <= hi, bounds and integrality; rows carry a family name."""

    def __init__(self, sense="min"):
        assert sense in ("min", "max")
        self.sense = sense
        self.labels: list[str] = []
        self.index: dict[str, int] = {}
        self.lb: list[float] = []
        self.ub: list[float] = []
        self.integer: list[bool] = []
        self.rows: list[tuple[str, dict, float, float]] = []
        self.c: dict[str, float] = {}
        self.c0 = 0.0

    # ---- building ---------------------------------------------------------------------------------
    def var(self, name, lb=0.0, ub=INF, integer=False):
        assert name not in self.index, name
        self.index[name] = len(self.labels)
        self.labels.append(name)
        self.lb.append(lb)
        self.ub.append(ub)
        self.integer.append(integer)
        return name

    def binary(self, name):
        return self.var(name, 0, 1, True)

    def row(self, family, coeffs, lo=-INF, hi=INF):
        for k in coeffs:
            assert k in self.index, k
        self.rows.append((family, dict(coeffs), lo, hi))

    def le(self, family, coeffs, rhs):
        self.row(family, coeffs, -INF, rhs)

    def ge(self, family, coeffs, rhs):
        self.row(family, coeffs, rhs, INF)

    def eq(self, family, coeffs, rhs):
        self.row(family, coeffs, rhs, rhs)

    def objective(self, coeffs, constant=0.0):
        for k in coeffs:
            assert k in self.index, k
        self.c = dict(coeffs)
        self.c0 = constant

    def families(self):
        seen = []
        for f, *_ in self.rows:
            if f not in seen:
                seen.append(f)
        return seen

    # ---- solving ----------------------------------------------------------------------------------
    def solve(self, families=None, lb=None, ub=None, with_objective=True):
        """Returns (status, objective, {label: value}); status OPTIMAL | INFEASIBLE | UNBOUNDED | OTHER."""
        n = len(self.labels)
        c = np.zeros(n)
        if with_objective:
            for k, v in self.c.items():
                c[self.index[k]] += v
        sign = -1.0 if self.sense == "max" else 1.0
        rows = [r for r in self.rows if families is None or r[0] in families]
        constraints = []
        if rows:
            A = np.zeros((len(rows), n))
            lo = np.zeros(len(rows))
            hi = np.zeros(len(rows))
            for i, (_, coeffs, l, h) in enumerate(rows):
                for k, v in coeffs.items():
                    A[i, self.index[k]] += v
                lo[i], hi[i] = l, h
            constraints.append(LinearConstraint(A, lo, hi))
        lbv = np.array(self.lb if lb is None else lb, dtype=float)
        ubv = np.array(self.ub if ub is None else ub, dtype=float)
        res = milp(sign * c, integrality=np.array(self.integer, dtype=int), bounds=Bounds(lbv, ubv),
                   constraints=constraints, options={"mip_rel_gap": 1e-12, "presolve": True})
        if res.status == 0:
            x = res.x
            obj = float(c @ x) + (self.c0 if with_objective else 0.0)
            values = {self.labels[i]: float(x[i]) for i in range(n)}
            return "OPTIMAL", obj, values
        if res.status == 2:
            return "INFEASIBLE", None, None
        if res.status == 3:
            return "UNBOUNDED", None, None
        if res.status == 4 and "infeasible or unbounded" in res.message.lower().replace("unbounded or infeasible", "infeasible or unbounded"):
            # Decide: feasible without objective means unbounded.
            st, _, _ = self.solve(families, lb, ub, with_objective=False)
            return ("UNBOUNDED" if st == "OPTIMAL" else "INFEASIBLE"), None, None
        return "OTHER:" + res.message, None, None

    def value(self, values, coeffs, constant=0.0):
        return sum(v * values[k] for k, v in coeffs.items()) + constant

    def check_point(self, values, tol=1e-7):
        """Asserts that a point satisfies every row, bound and integrality; returns its objective."""
        for i, name in enumerate(self.labels):
            x = values[name]
            assert self.lb[i] - tol <= x <= self.ub[i] + tol, (name, x)
            if self.integer[i]:
                assert abs(x - round(x)) <= 1e-6, (name, x)
        for family, coeffs, lo, hi in self.rows:
            a = self.value(values, coeffs)
            scale = 1 + max(abs(lo) if lo > -INF else 0, abs(hi) if hi < INF else 0)
            assert lo - tol * scale <= a <= hi + tol * scale, (family, coeffs, a, lo, hi)
        return self.value(values, self.c, self.c0)

    def lp_dual_bound(self):
        """Optimality proof for a pure LP: solves with linprog, then checks the duals by hand.

        Returns the dual objective, which equals the primal optimum when the duals are feasible
        (reduced costs have the right sign at each bound) -- checked here with plain arithmetic.
        """
        from scipy.optimize import linprog
        assert not any(self.integer), "dual bound only for pure LPs"
        n = len(self.labels)
        sign = -1.0 if self.sense == "max" else 1.0
        c = np.zeros(n)
        for k, v in self.c.items():
            c[self.index[k]] += sign * v
        A_ub, b_ub, A_eq, b_eq = [], [], [], []
        for _, coeffs, lo, hi in self.rows:
            a = np.zeros(n)
            for k, v in coeffs.items():
                a[self.index[k]] += v
            if lo == hi:
                A_eq.append(a); b_eq.append(lo)
                continue
            if hi < INF:
                A_ub.append(a); b_ub.append(hi)
            if lo > -INF:
                A_ub.append(-a); b_ub.append(-lo)
        res = linprog(c, A_ub=np.array(A_ub) if A_ub else None, b_ub=b_ub or None,
                      A_eq=np.array(A_eq) if A_eq else None, b_eq=b_eq or None,
                      bounds=list(zip(self.lb, [None if u == INF else u for u in self.ub])), method="highs")
        assert res.status == 0, res.message
        y_ub = np.array(res.ineqlin.marginals) if A_ub else np.zeros(0)
        y_eq = np.array(res.eqlin.marginals) if A_eq else np.zeros(0)
        assert np.all(y_ub <= 1e-9), "inequality duals must be <= 0 for a minimisation"
        r = c.copy()
        if A_ub:
            r -= np.array(A_ub).T @ y_ub
        if A_eq:
            r -= np.array(A_eq).T @ y_eq
        dual = (float(np.dot(b_ub, y_ub)) if A_ub else 0.0) + (float(np.dot(b_eq, y_eq)) if A_eq else 0.0)
        for j in range(n):
            if r[j] > 1e-9:
                assert self.lb[j] > -INF, ("dual infeasible: positive reduced cost on a free-below variable", self.labels[j])
                dual += r[j] * self.lb[j]
            elif r[j] < -1e-9:
                assert self.ub[j] < INF, ("dual infeasible: negative reduced cost on a free-above variable", self.labels[j])
                dual += r[j] * self.ub[j]
        return sign * dual + self.c0

    # ---- diagnosis checks -------------------------------------------------------------------------
    def unique_conflict(self):
        """The family-level conflict, checked to be the unique minimal one.

        Let N be the families whose removal makes the model feasible.  Every infeasible subset of families
        contains all of N, so if N on its own is infeasible it is the one and only minimal conflict.
        Variable bounds and integrality are always kept (as OptAgent's diagnosis keeps them).
        """
        fams = self.families()
        assert self.solve(with_objective=False)[0] == "INFEASIBLE", "model is not infeasible"
        assert self.solve(families=[], with_objective=False)[0] == "OPTIMAL", "bounds alone are infeasible"
        necessary = [f for f in fams
                     if self.solve(families=[g for g in fams if g != f], with_objective=False)[0] == "OPTIMAL"]
        assert necessary, "no single family is necessary: conflict is not unique"
        assert self.solve(families=necessary, with_objective=False)[0] == "INFEASIBLE", \
            f"necessary families {necessary} are feasible on their own: conflict is not unique"
        assert len(necessary) < len(fams), "every family is in the conflict; add constraints outside it"
        return necessary

    def runaway(self, candidates, box=1e7):
        """Checks the model is unbounded and that bounding only `candidates` makes it bounded.

        Also solves the model with every infinite bound replaced by +-box (as OptAgent's diagnosis does)
        and checks each candidate ends on the artificial box.  Returns the candidates' variable names.
        """
        status, _, _ = self.solve()
        assert status == "UNBOUNDED", status
        lb = list(self.lb)
        ub = list(self.ub)
        for name in candidates:
            i = self.index[name]
            if ub[i] == INF:
                ub[i] = box
            if lb[i] == -INF:
                lb[i] = -box
        status, obj, _ = self.solve(lb=lb, ub=ub)
        assert status == "OPTIMAL", f"bounding {candidates} does not make the model bounded: {status}"
        lb = [-box if v == -INF else v for v in self.lb]
        ub = [box if v == INF else v for v in self.ub]
        status, obj, values = self.solve(lb=lb, ub=ub)
        assert status == "OPTIMAL", status
        for name in candidates:
            i = self.index[name]
            x = values[name]
            assert (self.ub[i] == INF and x >= 0.999 * box) or (self.lb[i] == -INF and x <= -0.999 * box), (name, x)
        return candidates


def brute_force(domains, objective, feasible, sense="min"):
    """Enumerates the product of `domains` (a dict name -> iterable); returns (best value, best point, count).

    Ties keep the first point found.  `objective` and `feasible` take a dict point.
    """
    names = list(domains)
    best = None
    best_point = None
    feasible_count = 0
    for combo in itertools.product(*(list(domains[n]) for n in names)):
        point = dict(zip(names, combo))
        if not feasible(point):
            continue
        feasible_count += 1
        value = objective(point)
        if best is None or (value < best - 1e-12 if sense == "min" else value > best + 1e-12):
            best = value
            best_point = point
    return best, best_point, feasible_count


def close(a, b, rel=1e-9):
    return abs(a - b) <= rel * max(1.0, abs(a), abs(b))


def solve_lp_proved(m: LinearModel):
    """Solves a pure LP, checks the point, and proves optimality with the hand-checked dual bound."""
    status, obj, x = m.solve()
    assert status == "OPTIMAL", status
    assert close(m.check_point(x), obj)
    dual = m.lp_dual_bound()
    assert close(dual, obj, 1e-9), (dual, obj)
    return obj, x


def solve_checked(m: LinearModel):
    """Solves a (mixed-integer) linear model and checks the point it returns."""
    status, obj, x = m.solve()
    assert status == "OPTIMAL", status
    assert close(m.check_point(x), obj)
    return obj, x


def exact_convex_qp(Q, c, A_eq=(), b_eq=(), A_in=(), b_in=()):
    """Exact minimiser of 0.5 x'Qx + c'x s.t. A_eq x = b_eq, A_in x <= b_in (Q positive definite on the
    feasible directions), by enumerating active sets and solving each KKT system in rational arithmetic.

    A point that is primal feasible with non-negative inequality multipliers satisfies the KKT
    conditions, which for a convex QP prove global optimality.  Returns (value, x) as sympy Rationals.
    Data should be given as ints, Fractions or decimal strings so the arithmetic stays exact.
    """
    import sympy as sp

    R = sp.Rational
    Q = sp.Matrix([[R(str(v)) for v in row] for row in Q])
    c = sp.Matrix([R(str(v)) for v in c])
    n = Q.shape[0]
    Ae = [[R(str(v)) for v in row] for row in A_eq]
    be = [R(str(v)) for v in b_eq]
    Ai = [[R(str(v)) for v in row] for row in A_in]
    bi = [R(str(v)) for v in b_in]
    for size in range(0, min(len(Ai), n) + 1):
        for active in itertools.combinations(range(len(Ai)), size):
            rows = Ae + [Ai[k] for k in active]
            rhs = be + [bi[k] for k in active]
            m = len(rows)
            K = sp.zeros(n + m, n + m)
            K[:n, :n] = Q
            if m:
                A = sp.Matrix(rows)
                K[:n, n:] = A.T
                K[n:, :n] = A
            if K.det() == 0:
                continue
            sol = K.LUsolve(sp.Matrix(list(-c) + rhs))
            x = sol[:n, 0]
            mult = sol[n + len(Ae):, 0]
            if any(v < 0 for v in mult):
                continue
            if any((sp.Matrix([row]) * x)[0] > b for row, b in zip(Ai, bi)):
                continue
            value = (x.T * Q * x)[0] / 2 + (c.T * x)[0]
            return sp.nsimplify(value), [sp.nsimplify(v) for v in x]
    raise AssertionError("no KKT point found")


def multistart_minimize(fun, bounds, starts=200, seed=7, constraints=()):
    """Best local minimum of `fun` over many random starts (scipy SLSQP); a cross-check for NLPs."""
    from scipy.optimize import minimize

    rng = np.random.default_rng(seed)
    best = None
    lo = np.array([b[0] for b in bounds], dtype=float)
    hi = np.array([b[1] for b in bounds], dtype=float)
    for _ in range(starts):
        x0 = lo + rng.random(len(bounds)) * (hi - lo)
        res = minimize(fun, x0, method="SLSQP", bounds=bounds, constraints=constraints,
                       options={"ftol": 1e-14, "maxiter": 1000})
        if res.success and (best is None or res.fun < best.fun):
            best = res
    return best
