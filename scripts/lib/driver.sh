# Sourced by bench.sh and chaos.sh: what both drivers need around them. Run from the repository root.

# Builds the jars unless the argument is 1 (the script's *_SKIP_BUILD variable).
build_unless_skipped() {
  if [ "${1:-}" != 1 ]; then
    echo "== building (./mvnw -B -q -DskipTests package) =="
    ./mvnw -B -q -DskipTests package
  fi
}

# Thousands of sockets in the driver and as many in the middleware; the load average says how fair the run is.
prepare_machine() {
  ulimit -n 20000 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
  echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg) (other jobs on this machine skew the figures) =="
}

# Runs `java ARGS...` and waits for it; on exit (also Ctrl-C) it is sent SIGTERM, and its shutdown hooks stop
# whatever it started (middleware, PostgreSQL, simulator) and delete its temp folder.
# The common pool gets 4 threads: on 2 cores it has 1, and CompletableFuture then starts a new thread for
# every async task, which the JDK HTTP client uses once per answer (500 thread starts a second in scenario 3).
run_driver() {
  java -Djava.util.concurrent.ForkJoinPool.common.parallelism=4 "$@" &
  driver_pid=$!
  trap stop_driver EXIT INT TERM
  wait "$driver_pid"
}

stop_driver() {
  if [ -n "${driver_pid:-}" ] && kill -0 "$driver_pid" 2>/dev/null; then
    kill "$driver_pid" 2>/dev/null || true
    wait "$driver_pid" 2>/dev/null || true
  fi
}
