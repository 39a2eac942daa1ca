"""b_feasibility_only (integer feasibility, no objective): enumeration shows exactly one solution."""
from itertools import product

from corpus_lib import Result, report

COINS = ["one_cent", "two_cent", "five_cent", "ten_cent"]
FACE = [1, 2, 5, 10]
MASS = [2300, 3000, 3900, 4100]
COUNT, VALUE, BAG_MASS, MAX_COINS = 12, 47, 39500, 20


def verify():
    def ok(c, rows=("count", "value", "mass")):
        return (("count" not in rows or sum(c) == COUNT)
                and ("value" not in rows or sum(f * x for f, x in zip(FACE, c)) == VALUE)
                and ("mass" not in rows or sum(m * x for m, x in zip(MASS, c)) == BAG_MASS))
    vectors = list(product(range(MAX_COINS + 1), repeat=len(COINS)))
    solutions = [c for c in vectors if ok(c)]
    assert solutions == [(2, 5, 3, 2)], solutions
    assert len([c for c in vectors if ok(c, ("count", "value"))]) == 8
    assert len([c for c in vectors if ok(c, ("count", "mass"))]) == 4
    cert = {f"coins[{k}]": float(v) for k, v in zip(COINS, solutions[0])}
    return [Result("b_feasibility_only", "OPTIMAL", 0.0, cert,
                   method="enumeration of 194481 vectors: exactly one solution (2, 5, 3, 2)")]


if __name__ == "__main__":
    report(verify())
