#!/usr/bin/env python3
"""Optuna's TPE on the same test functions, trials and seeds as `optagent tune bench`, for the side-by-side in
docs/tuning.md. Outside the project's dependencies (Debian: apt-get install python3-optuna).

usage: /usr/bin/python3 tuning/bench/optuna_tpe.py FUNCTION TRIALS SEEDS > out.json
"""
import json
import math
import statistics
import sys

import optuna

H_ALPHA = [1.0, 1.2, 3.0, 3.2]
H_A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
H_P = [[0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886], [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
       [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650], [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381]]


def branin(t):
    x1, x2 = t.suggest_float("x1", -5, 10), t.suggest_float("x2", 0, 15)
    b, c = 5.1 / (4 * math.pi ** 2), 5 / math.pi
    return (x2 - b * x1 ** 2 + c * x1 - 6) ** 2 + 10 * (1 - 1 / (8 * math.pi)) * math.cos(x1) + 10


def hartmann6(t):
    x = [t.suggest_float(f"x{i}", 0, 1) for i in range(1, 7)]
    return -sum(H_ALPHA[i] * math.exp(-sum(H_A[i][j] * (x[j] - H_P[i][j]) ** 2 for j in range(6))) for i in range(4))


def rosenbrock4(t):
    x = [t.suggest_float(f"x{i}", -5, 10) for i in range(1, 5)]
    return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2 for i in range(3))


def ackley5(t):
    x = [t.suggest_float(f"x{i}", -32.768, 32.768) for i in range(1, 6)]
    n = len(x)
    return (-20 * math.exp(-0.2 * math.sqrt(sum(v * v for v in x) / n))
            - math.exp(sum(math.cos(2 * math.pi * v) for v in x) / n) + 20 + math.e)


TARGETS = {"branin": 0.40, "hartmann6": -3.0, "rosenbrock4": 1.0, "ackley5": 1.0}


def main():
    name, trials, seeds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    f = globals()[name]
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    curves, reach = [], []
    for seed in range(seeds):
        study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed))
        study.optimize(f, n_trials=trials)
        best, curve, reached = math.inf, [], None
        for k, trial in enumerate(study.trials):
            best = min(best, trial.value)
            curve.append(best)
            if reached is None and best <= TARGETS[name]:
                reached = k + 1
        curves.append(curve)
        reach.append(reached)
    median = [statistics.median(c[t] for c in curves) for t in range(trials)]
    reach_sorted = sorted(math.inf if r is None else r for r in reach)
    med_reach = statistics.median(reach_sorted)
    print(json.dumps({"function": name, "init": "optuna-tpe", "optuna": optuna.__version__, "trials": trials, "seeds": seeds,
                      "best_by_trial": median, "trials_to_target": reach,
                      "median_trials_to_target": None if math.isinf(med_reach) else med_reach}))


if __name__ == "__main__":
    main()
