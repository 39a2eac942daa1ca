"""Smooth convex NLPs, each solved in closed form from the KKT conditions (high precision with mpmath)
and cross-checked with multi-start SLSQP: water_filling, inspection_crews, maintenance_exp, weber_point.
Convexity makes the KKT point the global optimum."""
import mpmath as mp
import numpy as np

from corpus_lib import Result, multistart_minimize, report

mp.mp.dps = 40


def water_filling():
    noise = [mp.mpf("0.5"), mp.mpf("1.2"), mp.mpf("2.0"), mp.mpf("0.8"), mp.mpf("3.5")]
    P = mp.mpf(4)
    # water level nu: sum(max(0, nu - n_i)) = P; try the k lowest-noise channels active
    order = sorted(range(5), key=lambda i: noise[i])
    for k in range(1, 6):
        active = order[:k]
        nu = (P + sum(noise[i] for i in active)) / k
        if all(nu > noise[i] for i in active) and all(nu <= noise[i] for i in order[k:]):
            break
    power = [max(mp.mpf(0), nu - n) for n in noise]
    assert all(p <= 4 for p in power)
    value = mp.fsum(mp.log(1 + p / n) for p, n in zip(power, noise))
    # KKT: d/dp log(1 + p/n) = 1/(n + p) = 1/nu on active channels, <= 1/nu on inactive ones
    nf = np.array([float(n) for n in noise])
    res = multistart_minimize(lambda p: -np.sum(np.log1p(p / nf)), [(0, 4)] * 5, starts=40,
                              constraints=({"type": "ineq", "fun": lambda p: 4 - p.sum()},))
    assert abs(-res.fun - float(value)) < 1e-8, (res.fun, value)
    cert = {f"power[{c + 1}]": float(p) for c, p in enumerate(power)}
    return Result("water_filling", "OPTIMAL", float(value), cert, method=f"water level nu = {mp.nstr(nu, 20)}; value {mp.nstr(value, 20)}")


def inspection_crews():
    backlog = [16, 9, 25, 4]
    lower = [mp.mpf("0.5"), mp.mpf("0.5"), mp.mpf("0.5"), mp.mpf(2)]
    B = mp.mpf(12)
    # KKT: backlog_i / crew_i^2 = lambda for crews above their minimum, crew_i = sqrt(backlog_i / lambda).
    # Try every set of lines held at the minimum; keep the one satisfying all conditions.
    from itertools import combinations
    for k in range(0, 5):
        for fixed in combinations(range(4), k):
            free = [i for i in range(4) if i not in fixed]
            rest = B - sum(lower[i] for i in fixed)
            if not free:
                continue
            s = mp.fsum(mp.sqrt(backlog[i]) for i in free)
            crew = [lower[i] if i in fixed else mp.sqrt(backlog[i]) * rest / s for i in range(4)]
            lam = (s / rest) ** 2
            if all(crew[i] >= lower[i] for i in free) and all(backlog[i] / crew[i] ** 2 <= lam for i in fixed):
                value = mp.fsum(backlog[i] / crew[i] for i in range(4))
                res = multistart_minimize(lambda x: np.sum(np.array(backlog) / x), [(float(l), 12) for l in lower], starts=40,
                                          constraints=({"type": "ineq", "fun": lambda x: 12 - x.sum()},))
                assert abs(res.fun - float(value)) < 1e-8, (res.fun, value)
                cert = {f"crew[line{i + 1}]": float(crew[i]) for i in range(4)}
                return Result("inspection_crews", "OPTIMAL", float(value), cert,
                              method=f"KKT with line(s) {[i + 1 for i in fixed]} at the minimum; value {mp.nstr(value, 20)}")
    raise AssertionError("no KKT point")


def maintenance_exp():
    cost = [120, 80, 200, 60]
    decay = [mp.mpf("0.5"), mp.mpf("0.8"), mp.mpf("0.3"), mp.mpf("1.0")]
    B = mp.mpf(10)

    def hours(nu):  # KKT: cost_i decay_i exp(-decay_i h_i) = nu when h_i > 0
        return [max(mp.mpf(0), mp.log(c * k / nu) / k) for c, k in zip(cost, decay)]

    nu = mp.findroot(lambda v: mp.fsum(hours(v)) - B, (mp.mpf("1e-6"), mp.mpf(60)), solver="bisect")
    h = hours(nu)
    assert abs(mp.fsum(h) - B) < mp.mpf("1e-25") and all(x <= 10 for x in h)
    value = mp.fsum(c * mp.e ** (-k * x) for c, k, x in zip(cost, decay, h))
    cf, kf = np.array(cost, dtype=float), np.array([float(k) for k in decay])
    res = multistart_minimize(lambda x: np.sum(cf * np.exp(-kf * x)), [(0, 10)] * 4, starts=40,
                              constraints=({"type": "ineq", "fun": lambda x: 10 - x.sum()},))
    assert abs(res.fun - float(value)) < 1e-7, (res.fun, value)
    names = ["press", "lathe", "kiln", "mixer"]
    cert = {f"hours[{n}]": float(x) for n, x in zip(names, h)}
    return Result("maintenance_exp", "OPTIMAL", float(value), cert,
                  method=f"KKT multiplier nu = {mp.nstr(nu, 20)} by bisection; value {mp.nstr(value, 20)}")


def weber_point():
    pts = [(2, 8), (10, 2), (7, 9), (1, 1), (12, 7)]
    w = [mp.mpf(3), mp.mpf(2), mp.mpf(4), mp.mpf(1), mp.mpf("2.5")]
    # no shop is optimal: at shop j the pull of the others exceeds its own weight
    for j, (a, b) in enumerate(pts):
        gx = mp.fsum(w[i] * (a - pts[i][0]) / mp.sqrt((a - pts[i][0]) ** 2 + (b - pts[i][1]) ** 2) for i in range(5) if i != j)
        gy = mp.fsum(w[i] * (b - pts[i][1]) / mp.sqrt((a - pts[i][0]) ** 2 + (b - pts[i][1]) ** 2) for i in range(5) if i != j)
        assert mp.sqrt(gx ** 2 + gy ** 2) > w[j], f"shop {j} would be optimal"
    x, y = mp.mpf(6), mp.mpf(6)
    for _ in range(2000):  # Weiszfeld iteration
        d = [mp.sqrt((x - a) ** 2 + (y - b) ** 2) for a, b in pts]
        s = mp.fsum(wi / di for wi, di in zip(w, d))
        x, y = mp.fsum(wi * a / di for wi, (a, _), di in zip(w, pts, d)) / s, mp.fsum(wi * b / di for wi, (_, b), di in zip(w, pts, d)) / s
    d = [mp.sqrt((x - a) ** 2 + (y - b) ** 2) for a, b in pts]
    gx = mp.fsum(wi * (x - a) / di for wi, (a, _), di in zip(w, pts, d))
    gy = mp.fsum(wi * (y - b) / di for wi, (_, b), di in zip(w, pts, d))
    assert abs(gx) < mp.mpf("1e-20") and abs(gy) < mp.mpf("1e-20"), (gx, gy)
    value = mp.fsum(wi * di for wi, di in zip(w, d))
    P = np.array(pts, dtype=float)
    wf = np.array([float(v) for v in w])
    res = multistart_minimize(lambda z: np.sum(wf * np.sqrt(((z - P) ** 2).sum(axis=1))), [(0, 15)] * 2, starts=40)
    assert abs(res.fun - float(value)) < 1e-6, (res.fun, value)
    return Result("weber_point", "OPTIMAL", float(value), {"x": float(x), "y": float(y)},
                  method=f"Weiszfeld to gradient < 1e-20 at ({mp.nstr(x, 15)}, {mp.nstr(y, 15)}); value {mp.nstr(value, 20)}")


def verify():
    return [water_filling(), inspection_crews(), maintenance_exp(), weber_point()]


if __name__ == "__main__":
    report(verify())
