package io.ctimw.bench.chaos;

import com.beust.jcommander.Parameter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The chaos driver's command line; the defaults are the documented run (every probe but the soak, a few minutes). */
public final class ChaosOptions {
    @Parameter(names = "--middleware-jar", description = "the middleware jar to run")
    String middlewareJar = "app-middleware/target/cti-middleware.jar";
    @Parameter(names = "--simulator-jar", description = "the CTI simulator jar (the CTI-kill probe runs it as a process)")
    String simulatorJar = "cti-simulator/target/cti-simulator.jar";
    @Parameter(names = "--out", description = "where to write the markdown report")
    String out = "RELIABILITY.md";
    @Parameter(names = "--label", description = "what build this is, for the report's title (e.g. 'before the fixes')")
    String label = "";
    @Parameter(names = "--probes", description = "which probes, comma-separated names (auth,malformed,flood,slow,cti-kill,"
            + "mw-kill,sigterm,db-kill,db-freeze,soak); default all but soak")
    String probes = "auth,malformed,flood,slow,cti-kill,mw-kill,sigterm,db-kill,db-freeze";
    @Parameter(names = "--soak", description = "add the soak probe (30 min by default)")
    boolean soak;
    @Parameter(names = "--soak-minutes", description = "length of the soak")
    int soakMinutes = 30;
    @Parameter(names = "--malformed", description = "how many malformed requests")
    int malformed = 10_000;
    @Parameter(names = "--seed", description = "seed of the malformed requests")
    long seed = 20261129L;
    @Parameter(names = "--rate", description = "load (events/s) during the faults and the soak")
    int rate = 1_000;
    @Parameter(names = "--fault-agents", description = "cursor-resuming agents during the faults")
    int faultAgents = 50;
    @Parameter(names = "--attackers", description = "connections of the login flood and of the slow bodies")
    int attackers = 200;
    @Parameter(names = "--cti-down-seconds", description = "how long the killed simulator stays down")
    int ctiDownSeconds = 20;
    @Parameter(names = {"-h", "--help"}, help = true, description = "this help")
    boolean help;

    public Path middlewareJar() {
        return Path.of(middlewareJar);
    }

    public Path simulatorJar() {
        return Path.of(simulatorJar);
    }

    public Path out() {
        return Path.of(out);
    }

    public List<String> probeNames() {
        List<String> names = new java.util.ArrayList<>(Arrays.stream(probes.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList());
        if (soak && !names.contains("soak")) {
            names.add("soak");
        }
        return names;
    }
}
