#!/usr/bin/env bash
# The demo: builds the jars, then runs the CTI simulator (with calls arriving for the demo agents),
# the middleware on an embedded PostgreSQL, and prints how to try it. Ctrl-C stops everything.
# Ports can be moved with DEMO_HTTP_PORT and DEMO_CTI_PORT. Data is kept in .demo/ between runs.
set -euo pipefail
cd "$(dirname "$0")/.."

HTTP_PORT="${DEMO_HTTP_PORT:-8080}"
CTI_PORT="${DEMO_CTI_PORT:-8098}"
AGENTS="agent1 agent2 agent3"
PASSWORD="${DEMO_PASSWORD:-demo-password}"
CALL_EVERY_MS="${DEMO_CALL_EVERY_MS:-8000}"
DEMO_DIR=.demo
mkdir -p "$DEMO_DIR"

if [ "${DEMO_SKIP_BUILD:-}" != 1 ]; then
  echo "== building (./mvnw -B -DskipTests package) =="
  ./mvnw -B -q -DskipTests package
fi

cat > "$DEMO_DIR/middleware.conf" <<CONF
http { host = "127.0.0.1", port = $HTTP_PORT }
db.embedded.dir = "$DEMO_DIR/postgres"
cti.url = "ws://127.0.0.1:$CTI_PORT/ws"
security.bcrypt-cost = 10
CONF

# Logs are appended, each run under a header, so an earlier run's log survives a restart.
for log in simulator middleware; do
  printf '\n===== demo run %s =====\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >>"$DEMO_DIR/$log.log"
done

pids=()
cleanup() {
  trap - EXIT INT TERM # once, whether it is Ctrl-C, a kill or the end of the script
  echo
  echo "== stopping the demo =="
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  # The middleware stops gracefully within a few seconds; whatever still runs after 10 s is killed.
  for _ in $(seq 1 100); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.1
  done
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "stopped (logs: $DEMO_DIR/middleware.log, $DEMO_DIR/simulator.log)"
}
trap cleanup EXIT INT TERM

echo "== starting the CTI simulator on ws://127.0.0.1:$CTI_PORT/ws (log: $DEMO_DIR/simulator.log) =="
java -jar cti-simulator/target/cti-simulator.jar --port "$CTI_PORT" \
  --operators "$(echo $AGENTS | tr ' ' ',')" --call-every-ms "$CALL_EVERY_MS" >>"$DEMO_DIR/simulator.log" 2>&1 &
pids+=($!)

echo "== starting the middleware on http://127.0.0.1:$HTTP_PORT (log: $DEMO_DIR/middleware.log) =="
java -jar app-middleware/target/cti-middleware.jar --config "$DEMO_DIR/middleware.conf" >>"$DEMO_DIR/middleware.log" 2>&1 &
pids+=($!)

for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$HTTP_PORT/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "${pids[1]}" 2>/dev/null; then echo "the middleware did not start:"; tail -20 "$DEMO_DIR/middleware.log"; exit 1; fi
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$HTTP_PORT/ready" >/dev/null || { echo "middleware not ready; see $DEMO_DIR/middleware.log"; exit 1; }

for agent in $AGENTS; do
  echo "$PASSWORD" | java -jar app-middleware/target/cti-middleware.jar users add --login "$agent" \
    --password-stdin --config "$DEMO_DIR/middleware.conf" 2>/dev/null || true
done
# The administrator of the platform (admin API, web console): no agent grants of its own.
echo "$PASSWORD" | java -jar app-middleware/target/cti-middleware.jar users add --login admin --role admin \
  --password-stdin --config "$DEMO_DIR/middleware.conf" 2>/dev/null || true

BASE="http://127.0.0.1:$HTTP_PORT"
# Only the pages this build serves are listed.
pages=""
for page in docs console/ desk/; do
  name="${page%/}"
  if curl -fsS -o /dev/null "$BASE/$page" 2>/dev/null; then pages="$pages  $name:$(printf '%*s' $((8 - ${#name})) '')$BASE/$page
"; fi
done

cat <<INFO

== the demo is running ==
  API:      $BASE/api/v1   (login: POST $BASE/api/v1/login)
  health:   $BASE/health
  ready:    $BASE/ready
  CTI:      ws://127.0.0.1:$CTI_PORT/ws (the simulator)
${pages}
Demo logins: $AGENTS   password: $PASSWORD
Administrator: admin   password: $PASSWORD
A call rings for a logged-in demo agent every $((CALL_EVERY_MS / 1000)) s.

Try the API:
  TOKEN=\$(curl -s -X POST http://127.0.0.1:$HTTP_PORT/api/v1/login -H 'Content-Type: application/json' \\
          -d '{"login":"agent1","password":"$PASSWORD"}' | sed 's/.*"token":"\\([^"]*\\)".*/\\1/')
  curl -s -H "Authorization: Bearer \$TOKEN" http://127.0.0.1:$HTTP_PORT/api/v1/state
  curl -s -H "Authorization: Bearer \$TOKEN" 'http://127.0.0.1:$HTTP_PORT/api/v1/events?wait=30'
  curl -s -H "Authorization: Bearer \$TOKEN" -H 'Content-Type: application/json' \\
       -d '{"name":"Answer","cid":"<cid from a NewCall>"}' http://127.0.0.1:$HTTP_PORT/api/v1/control

The admin API (as admin):
  ADMIN=\$(curl -s -X POST http://127.0.0.1:$HTTP_PORT/api/v1/login -H 'Content-Type: application/json' \\
          -d '{"login":"admin","password":"$PASSWORD"}' | sed 's/.*"token":"\\([^"]*\\)".*/\\1/')
  curl -s -H "Authorization: Bearer \$ADMIN" http://127.0.0.1:$HTTP_PORT/api/v1/admin/sessions

Or the agent program:
  java -jar app-agent/target/cti-agent.jar -a http://127.0.0.1:$HTTP_PORT login agent1
  java -jar app-agent/target/cti-agent.jar -a http://127.0.0.1:$HTTP_PORT shell

Ctrl-C stops the demo.
INFO
wait "${pids[1]}"
