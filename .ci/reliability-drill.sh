#!/usr/bin/env bash
# Reliability drill against the real packaged app (docs/reliability.md): accepted jobs survive kill -9, the
# solve queue keeps its bound and small solves move, the launcher's child ends with it, and a locked eval
# output directory is refused. Needs app/target/quarkus-app and app/target/optagent.jar (./mvnw install).
# PORT_BASE picks 10 ports (default 18792..18801).
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/find-jdk.sh
BASE=${PORT_BASE:-18792}
APP_PORT=$BASE; HOLE_PORT=$((BASE + 1)); SERVE_PORT=$((BASE + 2))
WORK="$(mktemp -d)"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT
JAVA=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED)
[ "$JDK_MAJOR" -ge 24 ] && JAVA+=(--sun-misc-unsafe-memory-access=allow)
api() { curl -s -H 'Content-Type: application/json' "$@"; }
wait_ready() { for _ in $(seq 1 90); do curl -fs "http://localhost:$1/q/health/ready" > /dev/null 2>&1 && return 0; sleep 1; done; return 1; }
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval('d' + sys.argv[1]))" "$1"; }

# A model endpoint that accepts connections and never answers: a job stays RUNNING as long as we like.
python3 -c "
import socket, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('127.0.0.1', $HOLE_PORT)); s.listen(64)
held = []
while True:
    c, _ = s.accept(); held.append(c)
" & PIDS+=($!)

start_app() {
  OPENAI_API_KEY=drill OPENAI_BASE_URL="http://127.0.0.1:$1/v1" OPTAGENT_DATA_DIR="$WORK/data" QUARKUS_HTTP_PORT=$APP_PORT \
    OPTAGENT_SOLVE_TIME_LIMIT=4s OPTAGENT_QUEUE_WAIT=2s OPTAGENT_MAX_CONCURRENT_SOLVES=2 \
    "${JAVA[@]}" -jar app/target/quarkus-app/quarkus-run.jar >> "$WORK/app.log" 2>&1 &
  APP=$!; PIDS+=($APP)
  wait_ready $APP_PORT
}

echo "== 1. accepted jobs survive kill -9"
start_app 1   # port 1: the model refuses at once, so this job finishes (PROVIDER_ERROR) with a result
FINISHED=$(api -d '{"problem": "Maximize x with x <= 3."}' "http://localhost:$APP_PORT/api/jobs" | field "['id']")
for _ in $(seq 1 60); do
  [ "$(curl -s "http://localhost:$APP_PORT/api/jobs/$FINISHED" | field "['state']")" = DONE ] && break; sleep 1
done
kill -9 $APP; wait $APP 2>/dev/null || true
start_app $HOLE_PORT   # the model now hangs: the next job is RUNNING when the server is killed
RUNNING=$(api -d '{"problem": "Maximize y with y <= 4."}' "http://localhost:$APP_PORT/api/jobs" | field "['id']")
sleep 2
test "$(curl -s "http://localhost:$APP_PORT/api/jobs/$RUNNING" | field "['state']")" = RUNNING
kill -9 $APP; wait $APP 2>/dev/null || true
start_app $HOLE_PORT
A=$(curl -s "http://localhost:$APP_PORT/api/jobs/$FINISHED")
B=$(curl -s "http://localhost:$APP_PORT/api/jobs/$RUNNING")
test "$(echo "$A" | field "['state']")" = DONE
test "$(echo "$A" | field "['result']['status']")" = PROVIDER_ERROR
test "$(echo "$B" | field "['state']")" = FAILED
echo "$B" | field "['error']['detail']" | grep -q "interrupted by a restart"
curl -s "http://localhost:$APP_PORT/api/jobs/$RUNNING/events" | grep -q '"type":"finished"'
echo "   finished job answers DONE with its result after kill -9; the running one FAILED 'interrupted by a restart'"

echo "== 2. the queue bound holds and a small solve does not wait behind big ones"
python3 - "$WORK/hard.json" <<'PY'
import json, random, sys
random.seed(7)   # market split (Cornuejols-Dawande): tiny, and hard for branch and bound
m, n = 4, 40
a = [[random.randint(0, 99) for _ in range(n)] for _ in range(m)]
doc = {"sets": [{"name": "I", "range": [1, n]}, {"name": "R", "range": [1, m]}],
       "parameters": [{"name": "a", "index": ["R", "I"], "values": a}, {"name": "b", "index": ["R"], "values": [sum(r) // 2 for r in a]}],
       "variables": [{"name": "x", "index": ["I"], "type": "binary"}, {"name": "s", "index": ["R"]}, {"name": "t", "index": ["R"]}],
       "objective": {"sense": "minimize", "expression": "sum(s[r] + t[r] for r in R)"},
       "constraints": [{"name": "split", "for": "r in R", "expression": "sum(a[r, i] * x[i] for i in I) + s[r] - t[r] == b[r]"}]}
json.dump(doc, open(sys.argv[1], "w"))
PY
for k in 1 2 3 4 5 6; do
  ( api -o "$WORK/hard$k.out" -D "$WORK/hard$k.head" -w '%{http_code}\n' --data @"$WORK/hard.json" \
      "http://localhost:$APP_PORT/api/formulations/solve" > "$WORK/hard$k.code" ) & PIDS+=($!)
done
sleep 1
T0=$(date +%s%N)
api --data @datasets/formulations/transport.json "http://localhost:$APP_PORT/api/formulations/solve" | grep -q '"objective":153.675'
SMALL_MS=$(( ($(date +%s%N) - T0) / 1000000 ))
wait_jobs() { for _ in $(seq 1 60); do [ "$(cat "$WORK"/hard*.code 2>/dev/null | wc -w)" -ge 6 ] && return 0; sleep 1; done; return 1; }
wait_jobs
BUSY=$(cat "$WORK"/hard*.code | grep -c 503 || true)
grep -qi '^Retry-After:' $(grep -l "503" "$WORK"/hard*.head | head -1)
echo "   transport solved in ${SMALL_MS} ms beside 6 hard solves; $BUSY of 6 hard solves refused 503 with Retry-After after the 2 s queue wait"
test "$SMALL_MS" -lt 3000
test "$BUSY" -ge 1
kill -9 $APP; wait $APP 2>/dev/null || true

echo "== 3. optagent serve: the app ends with its launcher (kill -9)"
"${JAVA[@]}" -jar app/target/optagent.jar serve --port $SERVE_PORT > "$WORK/serve.log" 2>&1 & LAUNCHER=$!; PIDS+=($LAUNCHER)
wait_ready $SERVE_PORT
CHILD=$(pgrep -P $LAUNCHER)
kill -9 $LAUNCHER
for _ in $(seq 1 20); do kill -0 "$CHILD" 2>/dev/null || break; sleep 0.5; done
! kill -0 "$CHILD" 2>/dev/null
! curl -fs "http://localhost:$SERVE_PORT/q/health/ready" > /dev/null 2>&1
echo "   the child JVM (pid $CHILD) ended after its launcher was killed; port $SERVE_PORT is free"

echo "== 4. eval: a locked output directory is refused naming the running process"
mkdir -p "$WORK/run" "$WORK/oracle"
echo '{"id": "p1", "question": "q", "answer": 1}' > "$WORK/one.jsonl"
python3 -c "
import fcntl, os, time
f = open('$WORK/run/.lock', 'a+'); fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
f.truncate(0); f.write('pid %d, the drill' % os.getpid()); f.flush(); time.sleep(60)
" & HOLDER=$!; PIDS+=($HOLDER)
sleep 1
set +e
"${JAVA[@]}" -jar app/target/optagent.jar eval --dataset "$WORK/one.jsonl" --oracle "$WORK/oracle" --out "$WORK/run" > "$WORK/eval.out" 2> "$WORK/eval.err"
CODE=$?
set -e
test $CODE -ne 0
grep -q "in use by another eval run (pid $HOLDER" "$WORK/eval.err"
echo "   exit $CODE: $(grep -o 'in use by another eval run ([^)]*)' "$WORK/eval.err")"
echo "reliability drill: all checks passed"
