"""vehicle_packing (MILP, variable-size bin packing): enumeration of all 4^7 crate-to-vehicle maps."""
from itertools import product

from corpus_lib import Result, report

SIZE = [6, 5, 5, 4, 3, 3, 2]
VEHICLES = ["van1", "van2", "lorry", "truck"]
CAP = [8, 8, 12, 16]
COST = [55, 55, 80, 100]


def verify():
    best = None
    for a in product(range(4), repeat=7):
        loads = [sum(s for s, v in zip(SIZE, a) if v == k) for k in range(4)]
        if any(loads[k] > CAP[k] for k in range(4)):
            continue
        value = sum(COST[k] for k in range(4) if loads[k] > 0)
        if best is None or value < best[0]:
            best = (value, a)
    value, a = best
    cert = {f"load[{c + 1},{v}]": 1.0 if a[c] == k else 0.0 for c in range(7) for k, v in enumerate(VEHICLES)}
    cert.update({f"hired[{v}]": 1.0 if k in a else 0.0 for k, v in enumerate(VEHICLES)})
    return [Result("vehicle_packing", "OPTIMAL", float(value), cert,
                   method=f"enumeration of 16384 assignments; hires {[VEHICLES[k] for k in sorted(set(a))]}")]


if __name__ == "__main__":
    report(verify())
