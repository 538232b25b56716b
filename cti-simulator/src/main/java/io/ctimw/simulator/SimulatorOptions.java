package io.ctimw.simulator;

import com.beust.jcommander.Parameter;
import java.util.ArrayList;
import java.util.List;

/** The standalone simulator's command-line flags (JCommander). */
final class SimulatorOptions {
    @Parameter(names = "--host", description = "Address to bind")
    String host = "127.0.0.1";

    @Parameter(names = "--port", description = "Port to listen on (0 = any free port)")
    int port = 8098;

    @Parameter(names = "--operators", description = "Known operator logins, comma-separated")
    List<String> operators = new ArrayList<>(List.of("agent1", "agent2", "agent3"));

    @Parameter(names = "--cid-numbers", description = "Send call ids as JSON numbers instead of strings")
    boolean cidNumbers;

    @Parameter(names = "--call-every-ms",
            description = "Demo mode: every N ms ring a random attached operator (0 = off)")
    long callEveryMs;

    @Parameter(names = "--call-length-ms",
            description = "Demo mode: the caller hangs up this long after ringing, answered or not (0 = never)")
    long callLengthMs = 45_000;

    @Parameter(names = "--load-eps", description = "Constant CallStatus load, events per second over attached"
            + " operators (0 = off)")
    double loadEps;

    @Parameter(names = "--control-port", description = "HTTP control port for fault injection on --host"
            + " (curl -d 'pings off' http://HOST:PORT/control; GET lists the commands); -1 = off, 0 = any free")
    int controlPort = -1;

    @Parameter(names = {"--help", "-h"}, help = true, description = "Show this help")
    boolean help;
}
