"""battery_arbitrage (LP): free grid exchange, equality balances, stock[t-1] with a first-hour case."""
from corpus_lib import INF, LinearModel, Result, report, solve_lp_proved

HOURS = range(1, 7)
PRICE = [30, 22, 18, 45, 60, 38]
LOAD = [5, 4, 4, 6, 8, 7]
SOLAR = [0, 2, 6, 7, 3, 0]
EFF, INIT, RATE, EXPORT, IMPORT, CAP = 0.9, 4, 5, 4, 9, 10


def verify():
    m = LinearModel("min")
    for t in HOURS:
        m.var(f"grid[{t}]", -INF, INF)
        m.var(f"charge[{t}]")
        m.var(f"discharge[{t}]")
        m.var(f"stored[{t}]", 0, CAP)
    for t in HOURS:
        i = t - 1
        # solar + grid + discharge - charge == load
        m.eq("power_balance", {f"grid[{t}]": 1, f"discharge[{t}]": 1, f"charge[{t}]": -1}, LOAD[i] - SOLAR[i])
        if t == 1:
            m.eq("storage_first", {f"stored[{t}]": 1, f"charge[{t}]": -EFF, f"discharge[{t}]": 1}, INIT)
        else:
            m.eq("storage_flow", {f"stored[{t}]": 1, f"stored[{t - 1}]": -1, f"charge[{t}]": -EFF, f"discharge[{t}]": 1}, 0)
        if t == 6:
            m.ge("end_level", {f"stored[{t}]": 1}, INIT)
        m.le("inverter", {f"charge[{t}]": 1, f"discharge[{t}]": 1}, RATE)
        m.row("grid_connection", {f"grid[{t}]": 1}, -EXPORT, IMPORT)
    m.objective({f"grid[{t}]": PRICE[t - 1] for t in HOURS})
    obj, x = solve_lp_proved(m)
    assert min(x[f"grid[{t}]"] for t in HOURS) < 0, "expected some export (the free variable goes negative)"
    return [Result("battery_arbitrage", "OPTIMAL", obj, x, method="scipy milp (HiGHS) as LP + hand-checked dual bound")]


if __name__ == "__main__":
    report(verify())
