"""project_selection (MILP, binary logic): enumeration of all 2^10 selections."""
from corpus_lib import Result, brute_force, report

PROJECTS = ["datalake", "analytics", "cloud_a", "cloud_b", "mobile_app", "legacy_upgrade", "training", "security",
            "automation", "website"]
NPV = dict(zip(PROJECTS, [12, 18, 15, 14, 20, 9, 6, 16, 13, 7]))
COST = dict(zip(PROJECTS, [8, 10, 9, 7, 12, 5, 3, 9, 8, 4]))
BUDGET = 40


def feasible(p):
    return (sum(COST[k] * p[k] for k in PROJECTS) <= BUDGET
            and (not p["analytics"] or p["datalake"])          # analytics requires datalake
            and (not p["mobile_app"] or p["security"])         # mobile app requires security
            and p["cloud_a"] + p["cloud_b"] <= 1               # at most one cloud
            and (not p["automation"] or p["cloud_a"] or p["cloud_b"])
            and not (p["mobile_app"] and p["legacy_upgrade"])
            and (p["training"] or p["website"]))


def verify():
    best, point, count = brute_force({k: (0, 1) for k in PROJECTS}, lambda p: sum(NPV[k] * p[k] for k in PROJECTS),
                                     feasible, sense="max")
    unconstrained, _, _ = brute_force({k: (0, 1) for k in PROJECTS}, lambda p: sum(NPV[k] * p[k] for k in PROJECTS),
                                      lambda p: sum(COST[k] * p[k] for k in PROJECTS) <= BUDGET, sense="max")
    cert = {f"pick[{k}]": float(point[k]) for k in PROJECTS}
    chosen = [k for k in PROJECTS if point[k]]
    return [Result("project_selection", "OPTIMAL", float(best), cert,
                   method=f"enumeration of 1024 selections ({count} feasible); picks {chosen}; budget-only optimum {unconstrained}")]


if __name__ == "__main__":
    report(verify())
