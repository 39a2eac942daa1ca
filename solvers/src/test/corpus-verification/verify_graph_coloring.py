"""graph_coloring (MILP): the smallest k for which some k-colouring exists (enumeration)."""
from itertools import product

from corpus_lib import Result, report

REGIONS = ["center", "north", "east", "south", "west", "coast", "hills"]
BORDERS = [("center", "north"), ("center", "east"), ("center", "south"), ("center", "west"), ("center", "coast"),
           ("north", "east"), ("east", "south"), ("south", "west"), ("west", "coast"), ("coast", "north"),
           ("hills", "north"), ("hills", "east")]


def verify():
    idx = {r: i for i, r in enumerate(REGIONS)}
    for k in range(1, 5):
        for colours in product(range(1, k + 1), repeat=len(REGIONS)):
            if all(colours[idx[a]] != colours[idx[b]] for a, b in BORDERS):
                cert = {f"paint[{r},{c}]": 1.0 if colours[idx[r]] == c else 0.0 for r in REGIONS for c in range(1, 5)}
                cert.update({f"used[{c}]": 1.0 if c in colours else 0.0 for c in range(1, 5)})
                return [Result("graph_coloring", "OPTIMAL", float(len(set(colours))), cert,
                               method=f"no colouring with {k - 1} colours exists (enumerated); found one with {k}")]
    raise AssertionError("no colouring with 4 colours")


if __name__ == "__main__":
    report(verify())
