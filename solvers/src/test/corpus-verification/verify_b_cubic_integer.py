"""b_cubic_integer (CP, cube of an integer): brute force over all 12 * 50 = 600 pairs."""
from corpus_lib import Result, brute_force, report

VOLUME, FEE, PRICE, DENSITY, CRANE = 1000, 12, 1, 2.4, 850


def verify():
    best, point, count = brute_force(
        {"side": range(1, 13), "blocks": range(1, 51)},
        lambda p: FEE * p["blocks"] + PRICE * p["blocks"] * p["side"] ** 3,
        lambda p: p["blocks"] * p["side"] ** 3 >= VOLUME and DENSITY * p["side"] ** 3 <= CRANE)
    assert point == {"side": 7, "blocks": 3}, point
    unlimited, _, _ = brute_force(
        {"side": range(1, 13), "blocks": range(1, 51)},
        lambda p: FEE * p["blocks"] + PRICE * p["blocks"] * p["side"] ** 3,
        lambda p: p["blocks"] * p["side"] ** 3 >= VOLUME)
    assert unlimited == 1012 < best  # the crane constraint binds (one block of side 10)
    cert = {k: float(v) for k, v in point.items()}
    return [Result("b_cubic_integer", "OPTIMAL", float(best), cert,
                   method=f"enumeration of 600 pairs ({count} feasible); crane binds (without it {unlimited})")]


if __name__ == "__main__":
    report(verify())
