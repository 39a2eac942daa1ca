"""b_integer_products (CP, products of integers): brute force over all 6 * 8 * 10 = 480 combinations."""
from corpus_lib import Result, brute_force, report

LOAVES_PER_BATCH, ORDER = 40, 900
OVEN_RENT, ENERGY, WAGE = 70, 12, 95
BATCHES_PER_BAKER = 4
MAX_OVENS, MAX_BATCHES, MAX_BAKERS = 6, 8, 10


def verify():
    best, point, count = brute_force(
        {"ovens": range(1, MAX_OVENS + 1), "batches": range(1, MAX_BATCHES + 1), "bakers": range(1, MAX_BAKERS + 1)},
        lambda p: OVEN_RENT * p["ovens"] + ENERGY * p["ovens"] * p["batches"] + WAGE * p["bakers"],
        lambda p: (LOAVES_PER_BATCH * p["ovens"] * p["batches"] >= ORDER
                   and BATCHES_PER_BAKER * p["bakers"] >= p["ovens"] * p["batches"]))
    assert point == {"ovens": 3, "batches": 8, "bakers": 6}, point
    cert = {k: float(v) for k, v in point.items()}
    return [Result("b_integer_products", "OPTIMAL", float(best), cert,
                   method=f"enumeration of 480 combinations ({count} feasible)")]


if __name__ == "__main__":
    report(verify())
