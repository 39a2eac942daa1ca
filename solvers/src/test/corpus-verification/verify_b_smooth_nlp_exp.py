"""b_smooth_nlp_exp (concave maximisation with exp): closed-form KKT solution, scipy SLSQP agrees.

Stationarity for channel c with budget multiplier lam >= 0:
    peak_c rate_c exp(-rate_c s_c) = 1 + lam   =>   s_c(lam) = clip(ln(peak_c rate_c / (1 + lam)) / rate_c, 0, 100).
Without the budget (lam = 0) the spends add up to 88.5 > 60, so the budget binds; sum s_c(lam) is
decreasing in lam and bisection finds lam to machine precision.  The objective is concave and the
constraints are linear, so this KKT point is the global optimum.
"""
import math

import numpy as np
from scipy.optimize import minimize

from corpus_lib import Result, close, report

CHANNELS = ["search", "social", "radio", "print"]
PEAK = [120, 90, 60, 40]
RATE = [0.05, 0.08, 0.04, 0.03]
BUDGET = 60
MAX_SPEND = 100


def spends(lam):
    return [min(MAX_SPEND, max(0.0, math.log(p * r / (1 + lam)) / r)) for p, r in zip(PEAK, RATE)]


def profit(s):
    return sum(p * (1 - math.exp(-r * x)) - x for p, r, x in zip(PEAK, RATE, s))


def verify():
    assert sum(spends(0.0)) > BUDGET
    lo, hi = 0.0, 10.0
    assert sum(spends(hi)) < BUDGET
    for _ in range(200):
        mid = (lo + hi) / 2
        if sum(spends(mid)) > BUDGET:
            lo = mid
        else:
            hi = mid
    lam = (lo + hi) / 2
    s = spends(lam)
    assert abs(sum(s) - BUDGET) < 1e-9 and lam > 0
    best = profit(s)
    # multi-start SLSQP
    rng = np.random.default_rng(11)
    neg = lambda x: -sum(p * (1 - np.exp(-r * v)) - v for p, r, v in zip(PEAK, RATE, x))
    for _ in range(20):
        start = rng.uniform(0, MAX_SPEND, 4)
        res = minimize(neg, start, method="SLSQP", bounds=[(0, MAX_SPEND)] * 4, options={"ftol": 1e-15, "maxiter": 1000},
                       constraints=[{"type": "ineq", "fun": lambda x: BUDGET - x.sum()}])
        assert close(-res.fun, best, 1e-9), (res.fun, best)
    cert = {f"spend[{c}]": v for c, v in zip(CHANNELS, s)}
    return [Result("b_smooth_nlp_exp", "OPTIMAL", best, cert,
                   method=f"closed-form KKT with budget multiplier {lam:.12f} by bisection; SLSQP from 20 starts agrees")]


if __name__ == "__main__":
    report(verify())
