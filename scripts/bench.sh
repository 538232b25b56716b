#!/usr/bin/env bash
# The benchmark: builds the jars (unless BENCH_SKIP_BUILD=1), then runs the load driver, which starts
# an embedded PostgreSQL, the CTI simulator and the middleware jar, runs the five scenarios (< 5 min on
# 2 cores), prints the table and writes BENCHMARKS.md at the repository root. Extra arguments go to the
# driver (e.g. --scenarios 1,4 or --help). Everything it starts is stopped, and its temp dir deleted, on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  echo "== building (./mvnw -B -q -DskipTests package) =="
  ./mvnw -B -q -DskipTests package
fi

# 10,000 long-polls need 10,000 sockets in the driver and as many in the middleware.
ulimit -n 20000 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg) (other jobs on this machine skew the figures) =="

driver_pid=
stop_driver() {
  if [ -n "$driver_pid" ] && kill -0 "$driver_pid" 2>/dev/null; then
    kill "$driver_pid" 2>/dev/null || true # its shutdown hook stops the middleware it started
    wait "$driver_pid" 2>/dev/null || true
  fi
}
trap stop_driver EXIT INT TERM

java -Xmx2g -XX:+UseG1GC \
  -Djdk.httpclient.connectionPoolSize=20000 -Djdk.httpclient.keepalive.timeout=600 \
  -jar benchmarks/target/cti-bench.jar --middleware-jar app-middleware/target/cti-middleware.jar \
  "$@" &
driver_pid=$!
wait "$driver_pid"
