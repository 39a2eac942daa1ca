"""staff_rostering (MILP, integer with upper bounds).

scipy milp finds a roster with K nurses; optimality is proved independently by enumerating every
integer vector with total K - 1 (and each entry <= 12) and checking none covers all days."""
from itertools import combinations

import numpy as np

from corpus_lib import LinearModel, Result, report, solve_checked

NEED = [17, 13, 15, 19, 14, 16, 11]
UB = 12


def covers(s, d):  # days 1..7: a nurse starting on day s works s, s+1, ..., s+4 (cyclic)
    return (s <= d and d - s <= 4) or (s > d and d - s + 7 <= 4)


def compositions(total, parts):
    """All vectors of `parts` non-negative integers summing to `total` (stars and bars)."""
    for bars in combinations(range(total + parts - 1), parts - 1):
        prev, out = -1, []
        for b in bars:
            out.append(b - prev - 1)
            prev = b
        out.append(total + parts - 2 - prev)
        yield out


def verify():
    m = LinearModel("min")
    for s in range(1, 8):
        m.var(f"starts[{s}]", 0, UB, integer=True)
    for d in range(1, 8):
        m.ge("cover", {f"starts[{s}]": 1 for s in range(1, 8) if covers(s, d)}, NEED[d - 1])
    m.objective({f"starts[{s}]": 1 for s in range(1, 8)})
    obj, x = solve_checked(m)
    k = round(obj)
    cover = np.array([[1 if covers(s, d) else 0 for s in range(1, 8)] for d in range(1, 8)])
    vectors = np.array(list(compositions(k - 1, 7)))
    vectors = vectors[(vectors <= UB).all(axis=1)]
    ok = ((vectors @ cover.T) >= np.array(NEED)).all(axis=1)
    assert not ok.any(), "a roster with one nurse fewer exists"
    return [Result("staff_rostering", "OPTIMAL", float(k), x,
                   method=f"scipy milp; no roster with {k - 1} nurses among {len(vectors)} enumerated vectors")]


if __name__ == "__main__":
    report(verify())
