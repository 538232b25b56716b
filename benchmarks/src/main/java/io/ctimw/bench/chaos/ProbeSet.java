package io.ctimw.bench.chaos;

import io.ctimw.bench.chaos.client.LoginFlood;
import io.ctimw.bench.chaos.client.SlowBodies;
import io.ctimw.bench.chaos.probe.AuthMatrixProbe;
import io.ctimw.bench.chaos.probe.CtiKillProbe;
import io.ctimw.bench.chaos.probe.DatabaseFreeze;
import io.ctimw.bench.chaos.probe.DatabaseKill;
import io.ctimw.bench.chaos.probe.FaultUnderLoadProbe;
import io.ctimw.bench.chaos.probe.MalformedRequestsProbe;
import io.ctimw.bench.chaos.probe.MiddlewareKill;
import io.ctimw.bench.chaos.probe.MiddlewareSigterm;
import io.ctimw.bench.chaos.probe.SoakProbe;
import io.ctimw.bench.chaos.probe.SurgeProbe;
import java.util.ArrayList;
import java.util.List;

/** The probes by name, as the options configure them; the verify-time test picks a light set of its own. */
public final class ProbeSet {
    private static final int SURGE_AGENTS = 20;
    private static final int SURGE_RATE = 200;
    private static final long SURGE_MILLIS = 15_000;
    private static final long FAULT_BEFORE_MILLIS = 3_000;
    private static final long FAULT_AFTER_MILLIS = 3_000;

    private ProbeSet() {
    }

    public static List<Probe> of(ChaosOptions o) {
        List<Probe> probes = new ArrayList<>();
        for (String name : o.probeNames()) {
            probes.add(switch (name) {
                case "auth" -> new AuthMatrixProbe();
                case "malformed" -> new MalformedRequestsProbe(o.malformed, o.seed);
                case "flood" -> loginFlood(o.attackers);
                case "slow" -> new SurgeProbe("slow bodies", (stack, token) -> new SlowBodies(stack.port(), o.attackers, token),
                        SURGE_AGENTS, SURGE_RATE, SURGE_MILLIS);
                case "cti-kill" -> new CtiKillProbe(SURGE_AGENTS, o.ctiDownSeconds * 1000L);
                case "mw-kill" -> fault(new MiddlewareKill(), o);
                case "sigterm" -> fault(new MiddlewareSigterm(), o);
                case "db-kill" -> fault(new DatabaseKill(), o);
                case "db-freeze" -> fault(new DatabaseFreeze(), o);
                case "soak" -> new SoakProbe(o.soakMinutes, o.rate, 100);
                default -> throw new IllegalArgumentException("no probe named '" + name + "'");
            });
        }
        return probes;
    }

    /** 200 wrong-password logins at a time: half for a real login whose hash has the production cost (12). */
    public static Probe loginFlood(int connections) {
        return new SurgeProbe("login flood", (stack, token) -> {
            stack.seedUsers(List.of("flood-victim"), "the-real-password", 12);
            return new LoginFlood(stack.port(), connections, "flood-victim");
        }, SURGE_AGENTS, SURGE_RATE, SURGE_MILLIS);
    }

    private static Probe fault(io.ctimw.bench.chaos.probe.Fault fault, ChaosOptions o) {
        return new FaultUnderLoadProbe(fault, o.faultAgents, o.rate, FAULT_BEFORE_MILLIS, FAULT_AFTER_MILLIS);
    }
}
