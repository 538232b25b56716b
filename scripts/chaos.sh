#!/usr/bin/env bash
# The reliability probe: builds the jars (unless CHAOS_SKIP_BUILD=1), then runs the chaos driver, which starts
# the middleware jar with its embedded PostgreSQL and the CTI simulator (fresh ones for every probe that breaks
# something), runs the probes (auth matrix, malformed requests, login flood, slow bodies, CTI kill, middleware
# kill -9 and SIGTERM, database kill and freeze; a few minutes), prints the table and writes RELIABILITY.md
# at the repository root. --soak adds a 30-minute run at 1,000 events/s with heap and RSS trends.
# Other arguments go to the driver (--probes auth,sigterm, --label 'after the fixes', --help).
# Everything it starts is stopped, and its temp dir deleted, on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/driver.sh

build_unless_skipped "${CHAOS_SKIP_BUILD:-}"
prepare_machine # 200 flood connections, 200 slow bodies and the fuzzer's, in the driver and in the middleware
run_driver -Xmx1g -XX:+UseG1GC -cp benchmarks/target/cti-bench.jar io.ctimw.bench.chaos.ChaosMain \
  --middleware-jar app-middleware/target/cti-middleware.jar --simulator-jar cti-simulator/target/cti-simulator.jar \
  "$@"
