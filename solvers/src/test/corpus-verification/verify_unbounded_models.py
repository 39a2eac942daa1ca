"""Unbounded models.  LinearModel.runaway checks that (1) the solver reports the model unbounded,
(2) bounding only the named variables makes it bounded, and (3) with every infinite bound replaced by
+-1e7 (as OptAgent's diagnosis does) the named variables end on that artificial box.  For the integer
model, an integer improving ray from an integer feasible point is exhibited as well.

unbounded_kits, unbounded_fleet, unbounded_position."""
from corpus_lib import INF, LinearModel, Result, report


def kits():
    m = LinearModel("max")
    for p in ["bolts", "nuts", "kits"]:
        m.var(f"make[{p}]")
    m.le("machine_time", {"make[bolts]": 0.2, "make[nuts]": 0.1}, 40)
    m.le("machine_time", {"make[bolts]": 0.1, "make[nuts]": 0.3}, 60)
    m.ge("kits_with_bolts", {"make[kits]": 1, "make[bolts]": -0.1}, 0)
    m.objective({"make[bolts]": 3, "make[nuts]": 2, "make[kits]": 4})
    m.runaway(["make[kits]"])
    return Result("unbounded_kits", "UNBOUNDED", runaway=["make"], method="runaway checks on make[kits]")


def fleet():
    m = LinearModel("max")
    m.var("trucks", 0, INF, integer=True)
    m.var("vans", 0, INF, integer=True)
    m.var("depots", 0, INF, integer=True)
    m.le("van_parking", {"vans": 1}, 12)
    m.le("depot_capacity", {"trucks": 1, "depots": -5}, 0)
    m.objective({"trucks": 40, "vans": 25, "depots": -10})
    m.runaway(["trucks"])
    # integer ray: from (0, 0, 0) add 5 trucks and 1 depot: feasible for every multiple, profit +190 each
    x0 = {"trucks": 0, "vans": 0, "depots": 0}
    ray = {"trucks": 5, "vans": 0, "depots": 1}
    for k in (1, 10, 10 ** 6):
        point = {v: x0[v] + k * ray[v] for v in x0}
        assert m.check_point(point) == 190 * k
    return Result("unbounded_fleet", "UNBOUNDED", runaway=["trucks"], method="runaway checks on trucks; integer ray (5 trucks, 1 depot) gains 190")


def position():
    m = LinearModel("min")
    for s, ub in zip(["north", "river", "port"], [30, 25, 40]):
        m.var(f"order[{s}]", 0, ub)
    m.var("position", -INF, INF)
    m.ge("meet_need", {f"order[{s}]": 1 for s in ["north", "river", "port"]}, 50)
    m.le("position_is_surplus", {"position": 1, **{f"order[{s}]": -1 for s in ["north", "river", "port"]}}, -50)
    m.objective({"order[north]": 21, "order[river]": 19, "order[port]": 23, "position": 2})
    m.runaway(["position"])
    return Result("unbounded_position", "UNBOUNDED", runaway=["position"], method="runaway checks on position (towards -inf)")


def verify():
    return [kits(), fleet(), position()]


if __name__ == "__main__":
    report(verify())
