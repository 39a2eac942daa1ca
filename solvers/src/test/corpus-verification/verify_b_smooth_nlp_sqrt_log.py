"""b_smooth_nlp_sqrt_log (convex NLP with log and sqrt): KKT solution by nested root finding, scipy
SLSQP from many starts agrees.

Maximise sum h_f log x_f subject to sum x_f <= 600 (multiplier lam) and sum c_f sqrt(x_f) >= 215
(multiplier mu).  The objective is concave and the harvest row is a superlevel set of a concave
function, so the problem is convex and a KKT point is the global optimum.  Stationarity in s = sqrt(x):
    h_f / s^2 + mu c_f / (2 s) = lam   =>   s_f = (mu c_f / 2 + sqrt((mu c_f / 2)^2 + 4 lam h_f)) / (2 lam).
For each mu, lam is found so that the supply is used up (sum s_f^2 = 600, decreasing in lam); then mu is
found so that the harvest is exactly 215 (increasing in mu).  The bounds 1 <= x <= 400 are checked to
be inactive.
"""
import math

import numpy as np
from scipy.optimize import brentq, minimize

from corpus_lib import Result, close, report

FIELDS = ["north", "river", "hill"]
H = [3, 2, 1]
C = [2, 5, 9]
SUPPLY, MIN_HARVEST = 600, 215
LO, HI = 1, 400


def roots(lam, mu):
    return [(mu * c / 2 + math.sqrt((mu * c / 2) ** 2 + 4 * lam * h)) / (2 * lam) for h, c in zip(H, C)]


def lam_for(mu):
    return brentq(lambda lam: sum(s * s for s in roots(lam, mu)) - SUPPLY, 1e-9, 1e3, xtol=1e-16, rtol=1e-15)


def harvest(mu):
    s = roots(lam_for(mu), mu)
    return sum(c * v for c, v in zip(C, s))


def verify():
    assert harvest(0.0) < MIN_HARVEST  # the fair split alone harvests too little: the harvest row binds
    mu = brentq(lambda m: harvest(m) - MIN_HARVEST, 0.0, 10.0, xtol=1e-16, rtol=1e-15)
    lam = lam_for(mu)
    assert mu > 0 and lam > 0
    x = [s * s for s in roots(lam, mu)]
    assert all(LO < v < HI for v in x)
    assert abs(sum(x) - SUPPLY) < 1e-9 and abs(sum(c * math.sqrt(v) for c, v in zip(C, x)) - MIN_HARVEST) < 1e-9
    best = sum(h * math.log(v) for h, v in zip(H, x))
    rng = np.random.default_rng(5)
    neg = lambda v: -sum(h * np.log(u) for h, u in zip(H, v))
    for _ in range(20):
        start = rng.uniform(LO, HI, 3)
        res = minimize(neg, start, method="SLSQP", bounds=[(LO, HI)] * 3, options={"ftol": 1e-15, "maxiter": 1000},
                       constraints=[{"type": "ineq", "fun": lambda v: SUPPLY - v.sum()},
                                    {"type": "ineq", "fun": lambda v: sum(c * np.sqrt(u) for c, u in zip(C, v)) - MIN_HARVEST}])
        assert close(-res.fun, best, 1e-9), (res.message, -res.fun, best)
    cert = {f"water[{f}]": v for f, v in zip(FIELDS, x)}
    return [Result("b_smooth_nlp_sqrt_log", "OPTIMAL", best, cert,
                   method=f"KKT by nested root finding (lam {lam:.10f}, mu {mu:.10f}); SLSQP from 20 starts agrees")]


if __name__ == "__main__":
    report(verify())
