#!/usr/bin/env python3
"""Select development problems whose text ranks goals, by a query (never by copying text).

Reads the development JSONL files at run time and writes the matching records to OUT (outside the repository,
e.g. runs/ranked-goals.jsonl) for `optagent eval --dataset OUT`. Prints only ids and counts.

    python3 eval/tools/select_ranked_goals.py ../shared/datasets runs/ranked-goals.jsonl
"""
import glob
import json
import os
import re
import sys

# Wordings of priority: "first ... then ...", "priority", "most important", primary/secondary goals, lexicographic.
RANKED = re.compile(
    r"(\bfirst(ly)?\b[^.]{0,160}\b(then|secondly|second priority)\b|\bprioriti[sz]e|\bpriority\b|in order of importance"
    r"|\bmost important(ly)?\b|lexicographic|\bprimary (goal|objective|aim)|\bsecondary (goal|objective|aim)|goal programming)",
    re.IGNORECASE)


def main(datasets, out):
    selected = []
    for path in sorted(glob.glob(os.path.join(datasets, "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                if RANKED.search(record["question"]):
                    selected.append(record)
    os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for record in selected:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(len(selected), "problems:", ",".join(r["id"] for r in selected))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
