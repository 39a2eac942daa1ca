"""b_unbounded_free (unbounded LP, minimize): the free variable hedge runs to minus infinity."""
from corpus_lib import INF, LinearModel, Result, report

MONTHS = ["jan", "feb", "mar"]
PRICE = [610, 640, 595]
NEED = [800, 750, 900]
TANK, PREMIUM = 1200, 4.5


def verify():
    m = LinearModel("min")
    for mo in MONTHS:
        m.var(f"fuel[{mo}]", 0, TANK)
    m.var("hedge", -INF, INF)
    for k, mo in enumerate(MONTHS):
        m.ge("meet_need", {f"fuel[{mo}]": 1}, NEED[k])
    m.le("hedge_cover", {"hedge": 1, **{f"fuel[{mo}]": -1 for mo in MONTHS}}, 0)
    obj = {f"fuel[{mo}]": PRICE[k] for k, mo in enumerate(MONTHS)}
    obj["hedge"] = PREMIUM
    m.objective(obj)
    runaway = m.runaway(["hedge"])
    return [Result("b_unbounded_free", "UNBOUNDED", runaway=runaway,
                   method="scipy milp: unbounded; boxing hedge alone bounds it; hedge ends on the -1e7 box")]


if __name__ == "__main__":
    report(verify())
