"""b_infeasible_bounds_vs_constraint (infeasible LP): the conflict is one constraint against a variable
bound (bounds are always kept, as in OptAgent's diagnosis)."""
from corpus_lib import LinearModel, Result, report

HEATER, LAMP, FROST, CONNECTION, MIN_LIGHT = 5, 3, 8, 12, 1
HEAT_PRICE, LIGHT_PRICE = 0.21, 0.25


def verify():
    m = LinearModel("min")
    m.var("heat", 0, HEATER)
    m.var("light", 0, LAMP)
    m.ge("frost_protection", {"heat": 1}, FROST)
    m.le("grid_connection", {"heat": 1, "light": 1}, CONNECTION)
    m.ge("seedling_light", {"light": 1}, MIN_LIGHT)
    m.objective({"heat": HEAT_PRICE, "light": LIGHT_PRICE})
    conflict = m.unique_conflict()
    assert conflict == ["frost_protection"]
    # with the heater bound lifted the model would be feasible: the bound is the other half of the conflict
    assert m.solve(ub=[FROST, LAMP], with_objective=False)[0] == "OPTIMAL"
    return [Result("b_infeasible_bounds_vs_constraint", "INFEASIBLE", conflict=conflict,
                   method="family removal with scipy milp (bounds kept); lifting heat's bound to 8 restores feasibility")]


if __name__ == "__main__":
    report(verify())
