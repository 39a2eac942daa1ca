#!/usr/bin/env python3
"""Runs every verify_*.py script and compares its independent result with the corpus expectations.

For each corpus model NAME.json (in ../resources/corpus) this checks that
  * NAME.expected.json exists and is well formed (status, objective, class, verifiedBy, conflict/runaway);
  * some verify_*.py script reports NAME with the same status and, for OPTIMAL, the same objective
    (relative difference <= 1e-7), the same conflict (INFEASIBLE) or the same runaway variables (UNBOUNDED);
  * the model JSON passes a structural lint (field names, identifiers, set references, data shapes,
    object keys, every parameter used, unique names).

Usage:  python3 verify_all.py [--certificates DIR] [NAME ...]
With --certificates, each optimal point is written to DIR/NAME.json as {"label": value} using
OptAgent's instance labels, so it can be checked against the grounded JSON model.
Exit status 0 when everything matches.
"""

from __future__ import annotations

import importlib
import json
import math
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "resources" / "corpus"
sys.path.insert(0, str(HERE))

CLASSES = {"LP", "MILP", "QP", "MIQP", "QCP", "NLP", "MINLP", "CP"}
STATUSES = {"OPTIMAL", "INFEASIBLE", "UNBOUNDED"}
IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
RESERVED = {"for", "in", "if", "else", "and", "or", "not", "sum", "min", "max", "prod", "abs", "exp", "log",
            "sqrt", "len"}
TOP_FIELDS = {"name", "description", "sets", "parameters", "variables", "objective", "constraints"}
SET_FIELDS = {"name", "description", "elements", "range"}
PARAM_FIELDS = {"name", "description", "index", "value", "values", "default", "unit"}
VAR_FIELDS = {"name", "description", "index", "type", "lower", "upper", "unit"}
OBJ_FIELDS = {"sense", "expression", "description"}
CON_FIELDS = {"name", "description", "for", "if", "expression"}
EXPECTED_FIELDS = {"status", "objective", "class", "verifiedBy", "notes", "conflict", "runaway"}


def strip_strings(text):
    return re.sub(r"'[^']*'|\"[^\"]*\"", " ", text)


def lint(path: Path) -> list[str]:
    problems = []
    doc = json.loads(path.read_text())
    for key in doc:
        if key not in TOP_FIELDS:
            problems.append(f"unknown top-level field {key}")
    if doc.get("name") != path.stem:
        problems.append(f"name {doc.get('name')!r} differs from the file name")
    names = {}

    def declare(kind, name):
        if not isinstance(name, str) or not IDENT.match(name) or name in RESERVED:
            problems.append(f"{kind} name {name!r} is not a valid identifier")
        if name in names:
            problems.append(f"{kind} name {name!r} is already a {names[name]}")
        names[name] = kind

    sets = {}
    for s in doc.get("sets", []):
        for key in s:
            if key not in SET_FIELDS:
                problems.append(f"set {s.get('name')}: unknown field {key}")
        declare("set", s["name"])
        if ("elements" in s) == ("range" in s):
            problems.append(f"set {s['name']}: give exactly one of elements and range")
        if "range" in s:
            first, last = s["range"]
            sets[s["name"]] = list(range(first, last + 1))
        else:
            elements = [tuple(e) if isinstance(e, list) else e for e in s["elements"]]
            if len(set(elements)) != len(elements):
                problems.append(f"set {s['name']}: duplicate elements")
            sets[s["name"]] = elements

    def key_label(e):
        return ",".join(str(a) for a in e) if isinstance(e, tuple) else str(e)

    params = {}
    for p in doc.get("parameters", []):
        for key in p:
            if key not in PARAM_FIELDS:
                problems.append(f"parameter {p.get('name')}: unknown field {key}")
        declare("parameter", p["name"])
        index = p.get("index", [])
        params[p["name"]] = index
        for s in index:
            if s not in sets:
                problems.append(f"parameter {p['name']}: unknown set {s} in index")
        if not index:
            if not isinstance(p.get("value"), (int, float)) or "values" in p:
                problems.append(f"parameter {p['name']}: a scalar needs a numeric value and no values")
            continue
        if "value" in p or "values" not in p:
            problems.append(f"parameter {p['name']}: an indexed parameter needs values and no value")
            continue
        if any(s not in sets for s in index):
            continue

        def check(node, depth, where):
            if depth == len(index):
                if not isinstance(node, (int, float)) or isinstance(node, bool):
                    problems.append(f"parameter {p['name']}{where}: {node!r} is not a number")
                return
            elements = sets[index[depth]]
            if isinstance(node, list):
                if len(node) != len(elements):
                    problems.append(f"parameter {p['name']}{where}: {len(node)} values for {len(elements)} elements of {index[depth]}")
                for e, child in zip(elements, node):
                    check(child, depth + 1, where + f"[{key_label(e)}]")
            elif isinstance(node, dict):
                labels = {key_label(e) for e in elements}
                for k, child in node.items():
                    if k.replace(" ", "") not in labels:
                        problems.append(f"parameter {p['name']}{where}: key {k!r} is not an element of {index[depth]}")
                    check(child, depth + 1, where + f"[{k}]")
                if len(node) < len(elements) and "default" not in p:
                    problems.append(f"parameter {p['name']}{where}: keys missing and no default")
            else:
                problems.append(f"parameter {p['name']}{where}: expected an array or an object")

        check(p["values"], 0, "")

    texts = []
    for v in doc.get("variables", []):
        for key in v:
            if key not in VAR_FIELDS:
                problems.append(f"variable {v.get('name')}: unknown field {key}")
        declare("variable", v["name"])
        if v.get("type", "continuous") not in ("continuous", "integer", "binary"):
            problems.append(f"variable {v['name']}: bad type {v.get('type')}")
        for s in v.get("index", []):
            if s not in sets:
                problems.append(f"variable {v['name']}: unknown set {s} in index")
        for bound in ("lower", "upper"):
            b = v.get(bound)
            if isinstance(b, str) and b not in ("-inf", "inf", "+inf"):
                if b not in params:
                    problems.append(f"variable {v['name']}: {bound} bound {b!r} is not a parameter")
                elif params[b] and params[b] != v.get("index", []):
                    problems.append(f"variable {v['name']}: {bound} bound {b!r} has another index")
                texts.append(b)
    objective = doc.get("objective")
    if objective is not None:
        for key in objective:
            if key not in OBJ_FIELDS:
                problems.append(f"objective: unknown field {key}")
        if objective.get("sense") not in ("minimize", "maximize"):
            problems.append("objective: sense must be minimize or maximize")
        texts.append(objective["expression"])
    constraint_names = set()
    for c in doc.get("constraints", []):
        for key in c:
            if key not in CON_FIELDS:
                problems.append(f"constraint {c.get('name')}: unknown field {key}")
        if not IDENT.match(c["name"]) or c["name"] in constraint_names:
            problems.append(f"constraint name {c['name']!r} invalid or repeated")
        constraint_names.add(c["name"])
        for key in ("for", "if", "expression"):
            if key in c:
                texts.append(c[key])
    used = set()
    for t in texts:
        used.update(TOKEN.findall(strip_strings(t)))
    for name in params:
        if name not in used:
            problems.append(f"parameter {name} is never used")
    for t in texts:
        for token in TOKEN.findall(strip_strings(t)):
            if token in sets and not re.search(rf"\bin\s+{token}\b|len\(\s*{token}\s*\)", strip_strings(t)):
                problems.append(f"set {token} is referenced outside 'in' and len(): {t}")
    return problems


def lint_expected(path: Path) -> list[str]:
    problems = []
    exp = json.loads(path.read_text())
    for key in exp:
        if key not in EXPECTED_FIELDS:
            problems.append(f"unknown field {key}")
    if exp.get("status") not in STATUSES:
        problems.append(f"bad status {exp.get('status')}")
    if exp.get("class") not in CLASSES:
        problems.append(f"bad class {exp.get('class')}")
    if not exp.get("verifiedBy"):
        problems.append("verifiedBy missing")
    if exp.get("status") == "OPTIMAL" and not isinstance(exp.get("objective"), (int, float)):
        problems.append("objective missing")
    if exp.get("status") == "INFEASIBLE" and not exp.get("conflict"):
        problems.append("conflict missing")
    if exp.get("status") == "UNBOUNDED" and not exp.get("runaway"):
        problems.append("runaway missing")
    return problems


def main(argv):
    certificates = None
    only = []
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--certificates":
            certificates = Path(args.pop(0))
            certificates.mkdir(parents=True, exist_ok=True)
        else:
            only.append(a)

    results = {}
    failures = []
    for script in sorted(HERE.glob("verify_*.py")):
        if script.name == "verify_all.py":
            continue
        module = importlib.import_module(script.stem)
        started = time.time()
        try:
            produced = module.verify()
        except Exception as e:  # a failed assertion inside a script is a failed verification
            failures.append(f"{script.name}: {type(e).__name__}: {e}")
            continue
        for r in produced:
            if r.name in results:
                failures.append(f"{r.name} is reported by two scripts")
            results[r.name] = (r, script.name, time.time() - started)

    models = sorted(p for p in CORPUS.glob("*.json") if not p.name.endswith(".expected.json"))
    checked = 0
    for model in models:
        name = model.stem
        if only and name not in only:
            continue
        checked += 1
        for problem in lint(model):
            failures.append(f"{name}: lint: {problem}")
        expected_file = model.with_name(name + ".expected.json")
        if not expected_file.exists():
            failures.append(f"{name}: no expected file")
            continue
        for problem in lint_expected(expected_file):
            failures.append(f"{name}: expected file: {problem}")
        expected = json.loads(expected_file.read_text())
        if name not in results:
            failures.append(f"{name}: no verification script reports it")
            continue
        r, script, _ = results[name]
        if script not in expected.get("verifiedBy", ""):
            failures.append(f"{name}: verifiedBy does not name {script}")
        if r.status != expected["status"]:
            failures.append(f"{name}: status {r.status} != expected {expected['status']}")
            continue
        if r.status == "OPTIMAL":
            want = expected["objective"]
            if not math.isclose(r.objective, want, rel_tol=1e-7, abs_tol=1e-7):
                failures.append(f"{name}: objective {r.objective!r} != expected {want!r}")
            if certificates is not None:
                (certificates / f"{name}.json").write_text(json.dumps(r.certificate, indent=1))
        elif r.status == "INFEASIBLE":
            if sorted(r.conflict) != sorted(expected["conflict"]):
                failures.append(f"{name}: conflict {sorted(r.conflict)} != expected {sorted(expected['conflict'])}")
        else:
            if sorted(r.runaway) != sorted(expected["runaway"]):
                failures.append(f"{name}: runaway {sorted(r.runaway)} != expected {sorted(expected['runaway'])}")
        shown = r.objective if r.status == "OPTIMAL" else (r.conflict or r.runaway)
        print(f"{name:32s} {expected.get('class', '?'):6s} {r.status:10s} {shown}")
    for name in results:
        if not (CORPUS / f"{name}.json").exists():
            failures.append(f"{name}: reported by {results[name][1]} but no corpus model has that name")

    print(f"\n{checked} models checked, {len(failures)} problems")
    for f in failures:
        print("FAIL", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
