"""latin_square (feasibility, MILP): enumerate all 4x4 Latin squares and keep those matching the givens."""
from itertools import permutations, product

from corpus_lib import Result, report

GIVEN = {(1, 1): 2, (1, 4): 3, (2, 2): 4, (3, 1): 4, (3, 3): 2, (4, 4): 4}


def verify():
    rows = list(permutations(range(1, 5)))
    solutions = []
    for square in product(rows, repeat=4):
        if any(len({square[r][c] for r in range(4)}) < 4 for c in range(4)):
            continue
        if all(square[r - 1][c - 1] == k for (r, c), k in GIVEN.items()):
            solutions.append(square)
    assert solutions, "no completion"
    sol = solutions[0]
    cert = {f"x[{r},{c},{k}]": 1.0 if sol[r - 1][c - 1] == k else 0.0
            for r in range(1, 5) for c in range(1, 5) for k in range(1, 5)}
    return [Result("latin_square", "OPTIMAL", 0.0, cert,
                   method=f"enumeration of all 4x4 Latin squares: {len(solutions)} completion(s), e.g. {sol}")]


if __name__ == "__main__":
    report(verify())
