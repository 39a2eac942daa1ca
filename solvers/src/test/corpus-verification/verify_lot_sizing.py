"""lot_sizing (MILP): enumerate the 64 setup patterns; each leaves an LP (solved, dual-proved)."""
from itertools import product

from corpus_lib import LinearModel, Result, report, solve_checked, solve_lp_proved

DEMAND = [40, 25, 60, 30, 15, 50]
SETUP, UNIT, HOLD, CAP, INIT = 90, 3, 1.2, 100, 10


def build(pattern=None):
    m = LinearModel("min")
    for t in range(1, 7):
        m.var(f"make[{t}]", 0, 100)
        m.var(f"stock[{t}]")
        if pattern is None:
            m.binary(f"setup[{t}]")
    for t in range(1, 7):
        if t == 1:
            m.eq("first_week", {f"stock[{t}]": 1, f"make[{t}]": -1}, INIT - DEMAND[0])
        else:
            m.eq("balance", {f"stock[{t}]": 1, f"stock[{t - 1}]": -1, f"make[{t}]": -1}, -DEMAND[t - 1])
        if pattern is None:
            m.le("setup_link", {f"make[{t}]": 1, f"setup[{t}]": -CAP}, 0)
        else:
            m.le("setup_link", {f"make[{t}]": 1}, CAP * pattern[t - 1])
    obj = {}
    for t in range(1, 7):
        obj[f"make[{t}]"] = UNIT
        obj[f"stock[{t}]"] = HOLD
        if pattern is None:
            obj[f"setup[{t}]"] = SETUP
    m.objective(obj, 0 if pattern is None else SETUP * sum(pattern))
    return m


def verify():
    best = None
    for pattern in product((0, 1), repeat=6):
        m = build(pattern)
        if m.solve()[0] != "OPTIMAL":
            continue
        obj, x = solve_lp_proved(m)
        if best is None or obj < best[0] - 1e-9:
            best = (obj, x, pattern)
    obj, x, pattern = best
    milp_obj, _ = solve_checked(build())
    assert abs(milp_obj - obj) < 1e-6, (milp_obj, obj)
    cert = dict(x)
    cert.update({f"setup[{t}]": float(pattern[t - 1]) for t in range(1, 7)})
    return [Result("lot_sizing", "OPTIMAL", obj, cert,
                   method=f"enumeration of 64 setup patterns x LP (best {pattern}); scipy milp agrees")]


if __name__ == "__main__":
    report(verify())
