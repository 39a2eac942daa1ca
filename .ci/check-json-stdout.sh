#!/usr/bin/env bash
# CLI contract: `solve-model --json` prints only JSON lines on standard output, whatever the backend (HiGHS's
# native banner once broke it; native output bypasses the JVM, so only a real process shows it).
set -euo pipefail
cd "$(dirname "$0")/.."
for backend in auto scip highs cbc glop pdlp cp-sat; do
  out="$(./optagent solve-model --json --backend "$backend" datasets/formulations/transport.json 2>/dev/null || true)"
  while IFS= read -r line; do
    case "$line" in
      \{*\}) ;;
      *) echo "solve-model --json --backend $backend printed a non-JSON line: $line" >&2; exit 1 ;;
    esac
  done <<< "$out"
done
echo "solve-model --json: only JSON lines on stdout for every backend"
