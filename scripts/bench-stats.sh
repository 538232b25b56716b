#!/usr/bin/env bash
# The daily statistics' speed: fills an embedded PostgreSQL with the counters of 30 days of 10 million
# logged requests and times GET /api/v1/admin/stats/daily on the real middleware jar in each shape (over HTTP, 50 runs
# each). Builds the jars first unless BENCH_SKIP_BUILD=1; prints a markdown table; about a minute on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/driver.sh

build_unless_skipped "${BENCH_SKIP_BUILD:-}"
run_driver -Xmx512m -cp benchmarks/target/cti-bench.jar io.ctimw.bench.StatsQueryBench app-middleware/target/cti-middleware.jar
