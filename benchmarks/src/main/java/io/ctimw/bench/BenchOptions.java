package io.ctimw.bench;

import com.beust.jcommander.Parameter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The driver's command line; the defaults are the documented benchmark (all five scenarios, < 5 min). */
public final class BenchOptions {
    @Parameter(names = "--middleware-jar", description = "the middleware jar to run")
    private String middlewareJar = "app-middleware/target/cti-middleware.jar";
    @Parameter(names = "--out", description = "where to write the markdown report")
    private String out = "BENCHMARKS.md";
    @Parameter(names = "--agents", description = "agents logged in for scenario 2")
    private int agents = 10_000;
    @Parameter(names = "--throughput-agents", description = "long-polling agents in scenario 1")
    private int throughputAgents = 1_000;
    @Parameter(names = "--rates", description = "scenario 1's rising rates, events/s, comma-separated")
    private String rates = "1000,2000,3000,5000,7000,10000,14000,20000";
    @Parameter(names = "--step-seconds", description = "length of one scenario-1 step, warm-up included")
    private int stepSeconds = 10;
    @Parameter(names = "--warmup-seconds", description = "warm-up before each measurement")
    private int warmupSeconds = 2;
    @Parameter(names = "--command-rate", description = "scenario 3: commands per second on each path")
    private int commandRate = 500;
    @Parameter(names = "--command-seconds", description = "scenario 3: measured seconds")
    private int commandSeconds = 10;
    @Parameter(names = "--concurrent-rate", description = "scenario 2: events per second")
    private int concurrentRate = 1_000;
    @Parameter(names = "--concurrent-seconds", description = "scenario 2: measured seconds")
    private int concurrentSeconds = 15;
    @Parameter(names = "--ceiling-seconds", description = "scenarios 4 and 5: length of one measured run")
    private int ceilingSeconds = 3;
    @Parameter(names = "--repeats", description = "scenarios 4 and 5: alternating runs per figure")
    private int repeats = 3;
    @Parameter(names = "--poll-connections", description = "scenario 4: keep-alive connections")
    private int pollConnections = 16;
    @Parameter(names = "--flood-rate", description = "scenario 5: events per second the simulator offers")
    private int floodRate = 80_000;
    @Parameter(names = "--scenarios", description = "which scenarios to run, comma-separated (they run in the order 4,3,1,2,5)")
    private String scenarios = "1,2,3,4,5";
    @Parameter(names = "--request-log", arity = 1, description = "run the middleware with the request log on (true) or off")
    private boolean requestLog = true;
    @Parameter(names = "--delivery", description = "scenarios 1 and 2: how agents receive events: poll "
            + "(GET /api/v1/events?wait=30) or stream (GET /api/v1/events/stream)")
    private String delivery = "poll";
    @Parameter(names = {"-h", "--help"}, help = true, description = "this help")
    private boolean help;

    /** True when agents receive by event stream instead of long-poll. */
    public boolean streams() {
        if (!delivery.equals("poll") && !delivery.equals("stream")) {
            throw new IllegalArgumentException("--delivery must be poll or stream");
        }
        return delivery.equals("stream");
    }

    public boolean requestLog() {
        return requestLog;
    }

    public Path middlewareJar() {
        return Path.of(middlewareJar);
    }

    public Path out() {
        return Path.of(out);
    }

    public int agents() {
        return agents;
    }

    public int throughputAgents() {
        return Math.min(throughputAgents, agents);
    }

    public List<Integer> rates() {
        return Arrays.stream(rates.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    public long stepMillis() {
        return stepSeconds * 1000L;
    }

    public long warmupMillis() {
        return warmupSeconds * 1000L;
    }

    public int commandRate() {
        return commandRate;
    }

    public long commandMillis() {
        return commandSeconds * 1000L;
    }

    public int concurrentRate() {
        return concurrentRate;
    }

    public long concurrentMillis() {
        return concurrentSeconds * 1000L;
    }

    public long ceilingMillis() {
        return ceilingSeconds * 1000L;
    }

    public int repeats() {
        return repeats;
    }

    public int pollConnections() {
        return pollConnections;
    }

    public int floodRate() {
        return floodRate;
    }

    public boolean runs(int scenario) {
        return Arrays.stream(scenarios.split(",")).map(String::trim).anyMatch(s -> s.equals(Integer.toString(scenario)));
    }

    public boolean help() {
        return help;
    }
}
