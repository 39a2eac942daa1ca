#!/usr/bin/env python3
"""Writes the solver-tuning instances: one machine, jobs with release times, weighted completion time, one
binary per pair of jobs with big-M either-or rows -- the kind of small MILP the agent writes that proves
optimality slowly. Our own generator (seeded), not taken from any dataset.

usage: python3 tuning/bench/make_instances.py [OUT_DIR] [JOBS]   (JOBS default 10; 12 gives SCIP seconds to tens of seconds)
"""
import json
import random
import sys
from pathlib import Path


def instance(jobs, seed):
    rng = random.Random(seed)
    proc = [rng.randint(2, 9) for _ in range(jobs)]
    release = [rng.randint(0, 3 * jobs) for _ in range(jobs)]
    weight = [rng.randint(1, 5) for _ in range(jobs)]
    horizon = max(release) + sum(proc)
    pairs = [[j, k] for j in range(1, jobs + 1) for k in range(j + 1, jobs + 1)]
    return {
        "name": f"bench_{jobs}_jobs_seed_{seed}",
        "description": f"{jobs} jobs with release times share one machine; for every pair either the first precedes "
                       "the second or the other way round (one binary per pair and a big-M). Minimise the weighted "
                       "sum of completion times.",
        "sets": [{"name": "Jobs", "range": [1, jobs]}, {"name": "Pairs", "elements": pairs}],
        "parameters": [
            {"name": "proc", "index": ["Jobs"], "values": proc, "unit": "hours"},
            {"name": "release", "index": ["Jobs"], "values": release, "unit": "hours"},
            {"name": "weight", "index": ["Jobs"], "values": weight},
            {"name": "big_m", "value": horizon, "unit": "hours", "description": "latest release plus all processing"},
        ],
        "variables": [
            {"name": "start", "index": ["Jobs"], "type": "integer", "lower": "release", "upper": horizon},
            {"name": "first", "index": ["Pairs"], "type": "binary", "description": "1 if job j runs before job k"},
        ],
        "objective": {"sense": "minimize", "expression": "sum(weight[j] * (start[j] + proc[j]) for j in Jobs)"},
        "constraints": [
            {"name": "j_then_k", "for": "(j, k) in Pairs",
             "expression": "start[j] + proc[j] <= start[k] + big_m * (1 - first[j, k])"},
            {"name": "k_then_j", "for": "(j, k) in Pairs",
             "expression": "start[k] + proc[k] <= start[j] + big_m * first[j, k]"},
        ],
    }


def main():
    out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent / "instances")
    jobs = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    for split, seeds in (("tune", (1, 2, 3)), ("holdout", (11, 12, 13))):
        (out / split).mkdir(parents=True, exist_ok=True)
        for seed in seeds:
            model = instance(jobs, seed)
            (out / split / f"{model['name']}.json").write_text(json.dumps(model, indent=1) + "\n")


if __name__ == "__main__":
    main()
