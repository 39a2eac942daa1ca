"""Integer models with products of variables (class CP), each verified by enumerating every integer point:
garden_area_cp, shelf_grid_cp, pen_perimeter_cp."""
from corpus_lib import Result, brute_force, report


def garden():
    best, p, _ = brute_force({"width": range(1, 21), "length": range(1, 21)},
                             lambda p: p["width"] * p["length"],
                             lambda p: 6 * p["length"] + 4 * p["width"] <= 60 and p["width"] <= p["length"] <= 2 * p["width"],
                             sense="max")
    return Result("garden_area_cp", "OPTIMAL", float(best), {k: float(v) for k, v in p.items()},
                  method=f"enumeration of 400 points; best {p}")


def shelf():
    best, p, _ = brute_force({"rows": range(2, 13), "cols": range(1, 13)},
                             lambda p: 4 * abs(p["rows"] * p["cols"] - 52) + p["rows"] + p["cols"],
                             lambda p: p["rows"] <= p["cols"])
    return Result("shelf_grid_cp", "OPTIMAL", float(best), {k: float(v) for k, v in p.items()},
                  method=f"enumeration of 132 points; best {p}")


def pen():
    best, p, _ = brute_force({"a": range(1, 16), "b": range(1, 16)},
                             lambda p: 2 * p["a"] + 2 * p["b"],
                             lambda p: p["a"] * p["b"] >= 85 and p["a"] <= p["b"])
    return Result("pen_perimeter_cp", "OPTIMAL", float(best), {k: float(v) for k, v in p.items()},
                  method=f"enumeration of 225 points; best {p}")


def verify():
    return [garden(), shelf(), pen()]


if __name__ == "__main__":
    report(verify())
