"""server_sizing_minlp (MINLP): enumerate the 125 server counts; for fixed counts the traffic split is a
convex QP with the closed form share_d proportional to servers_d / congestion_d, giving congestion cost
traffic^2 / sum(servers_d / congestion_d).  Exact rational arithmetic."""
from fractions import Fraction as F
from itertools import product

from corpus_lib import Result, report

CENTRES = ["north", "south", "west"]
RENT = [40, 55, 35]
CONG = [30, 20, 40]
TRAFFIC = 12


def verify():
    best = None
    for n in product(range(1, 6), repeat=3):
        s = sum(F(n[d], CONG[d]) for d in range(3))
        value = sum(RENT[d] * n[d] for d in range(3)) + F(TRAFFIC ** 2) / s
        if best is None or value < best[0]:
            best = (value, n, s)
    value, n, s = best
    share = [F(TRAFFIC) * F(n[d], CONG[d]) / s for d in range(3)]
    assert sum(share) == TRAFFIC
    check = sum(RENT[d] * n[d] + CONG[d] * share[d] ** 2 / n[d] for d in range(3))
    assert check == value
    cert = {}
    for d, c in enumerate(CENTRES):
        cert[f"servers[{c}]"] = float(n[d])
        cert[f"share[{c}]"] = float(share[d])
    return [Result("server_sizing_minlp", "OPTIMAL", float(value), cert,
                   method=f"enumeration of 125 server counts x closed-form split; best servers {n}, value {value}")]


if __name__ == "__main__":
    report(verify())
