"""b_unbounded_lp (unbounded LP, maximize): one runaway variable, repairs."""
from corpus_lib import LinearModel, Result, report

PRODUCTS = ["chair", "table"]
MARGIN = [45, 120]
WOOD = [0.02, 0.09]
LABOUR = [3, 8]
WOOD_STOCK, LABOUR_HOURS = 2.5, 240
REPAIR_MARGIN, REPAIR_CONTRACT = 25, 4


def verify():
    m = LinearModel("max")
    for p in PRODUCTS:
        m.var(f"make[{p}]")
    m.var("repairs")
    m.le("wood_limit", {f"make[{p}]": WOOD[k] for k, p in enumerate(PRODUCTS)}, WOOD_STOCK)
    m.le("labour_limit", {f"make[{p}]": LABOUR[k] for k, p in enumerate(PRODUCTS)}, LABOUR_HOURS)
    m.ge("contract", {"repairs": 1}, REPAIR_CONTRACT)
    obj = {f"make[{p}]": MARGIN[k] for k, p in enumerate(PRODUCTS)}
    obj["repairs"] = REPAIR_MARGIN
    m.objective(obj)
    runaway = m.runaway(["repairs"])
    return [Result("b_unbounded_lp", "UNBOUNDED", runaway=runaway,
                   method="scipy milp: unbounded; boxing repairs alone bounds it; repairs ends on the 1e7 box")]


if __name__ == "__main__":
    report(verify())
