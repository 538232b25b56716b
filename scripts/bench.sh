#!/usr/bin/env bash
# The benchmark: builds the jars (unless BENCH_SKIP_BUILD=1), then runs the load driver, which starts
# an embedded PostgreSQL, the CTI simulator and the middleware jar, runs the five scenarios (< 5 min on
# 2 cores), prints the table and writes BENCHMARKS.md at the repository root. Extra arguments go to the
# driver (e.g. --scenarios 1,4 or --help). Everything it starts is stopped, and its temp dir deleted, on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/driver.sh

build_unless_skipped "${BENCH_SKIP_BUILD:-}"
prepare_machine # 10,000 long-polls need 10,000 sockets in the driver and as many in the middleware
run_driver -Xmx2g -XX:+UseG1GC \
  -Djdk.httpclient.connectionPoolSize=20000 -Djdk.httpclient.keepalive.timeout=600 \
  -jar benchmarks/target/cti-bench.jar --middleware-jar app-middleware/target/cti-middleware.jar \
  "$@"
