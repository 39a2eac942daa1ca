#!/usr/bin/env bash
# The container layout without Docker: copy app/target/quarkus-app elsewhere (as the image does), start it on
# all interfaces with an API key, and check readiness, a formulation solve, the UI and the key.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/find-jdk.sh
DEPLOY="$(mktemp -d)"
cp -r app/target/quarkus-app/. "$DEPLOY/"
PORT=18790
QUARKUS_HTTP_HOST=0.0.0.0 QUARKUS_HTTP_PORT=$PORT OPTAGENT_API_KEY=smoke \
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$DEPLOY/quarkus-run.jar" > "$DEPLOY/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$DEPLOY"' EXIT
for _ in $(seq 1 60); do
  curl -fs "http://localhost:$PORT/q/health/ready" > /dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://localhost:$PORT/q/health/ready" | grep -q '"UP"'
curl -fs "http://localhost:$PORT/" | grep -q 'OptAgent'
test "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/api/status")" = 401
curl -fs -H 'X-API-Key: smoke' -H 'Content-Type: application/json' --data @datasets/formulations/transport.json \
  "http://localhost:$PORT/api/formulations/solve" | grep -q '"objective":153.675'
echo "packaged app: ready, UI served, API key enforced, transport solved (153.675)"

# And the way a user starts it: the launcher's serve command (child JVM, URL printed).
SERVE_PORT=18791
./optagent serve --port $SERVE_PORT > "$DEPLOY/serve.log" 2>&1 &
SERVE=$!
trap 'kill $SERVER 2>/dev/null || true; pkill -P $SERVE 2>/dev/null || true; kill $SERVE 2>/dev/null || true; rm -rf "$DEPLOY"' EXIT
for _ in $(seq 1 90); do
  curl -fs "http://localhost:$SERVE_PORT/q/health/ready" > /dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://localhost:$SERVE_PORT/api/status" | grep -q '"modelConfigured"'
grep -q "OptAgent is running at http://localhost:$SERVE_PORT/" "$DEPLOY/serve.log"
echo "optagent serve: started, printed its URL, answers"
