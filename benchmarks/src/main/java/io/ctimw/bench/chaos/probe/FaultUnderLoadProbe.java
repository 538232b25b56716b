package io.ctimw.bench.chaos.probe;

import io.ctimw.bench.chaos.ChaosContext;
import io.ctimw.bench.chaos.Probe;
import io.ctimw.bench.chaos.ProbeResult;
import io.ctimw.bench.chaos.client.CursorFollowers;
import io.ctimw.bench.chaos.env.ChaosStack;
import io.ctimw.bench.report.Outcome;
import io.ctimw.simulator.CtiSimulator;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fault under load, with the event accounting that says whether a careful client lost anything:
 * cursor-resuming agents follow their events while the simulator sends load; the fault strikes and
 * heals; then the load stops and the agents drain. Lost = load events the simulator queued on the
 * middleware's connection that no agent received; duplicated = received twice.
 */
public final class FaultUnderLoadProbe implements Probe {
    private final Fault fault;
    private final int agents;
    private final int eventsPerSecond;
    private final long beforeMillis;
    private final long afterMillis;
    private final boolean shared;

    /** On a fresh stack of its own. */
    public FaultUnderLoadProbe(Fault fault, int agents, int eventsPerSecond, long beforeMillis, long afterMillis) {
        this(fault, agents, eventsPerSecond, beforeMillis, afterMillis, false);
    }

    private FaultUnderLoadProbe(Fault fault, int agents, int eventsPerSecond, long beforeMillis, long afterMillis,
                                boolean shared) {
        if (shared && agents > 100) {
            throw new IllegalArgumentException("the shared stack has 100 spare operators");
        }
        this.fault = fault;
        this.agents = agents;
        this.eventsPerSecond = eventsPerSecond;
        this.beforeMillis = beforeMillis;
        this.afterMillis = afterMillis;
        this.shared = shared;
    }

    /**
     * On the shared stack (one middleware start less, for the verify-time test): only for a fault the stack
     * recovers from, and as the last probe, since it restarts the middleware under the others' feet.
     */
    public static FaultUnderLoadProbe onSharedStack(Fault fault, int agents, int eventsPerSecond, long beforeMillis,
                                                    long afterMillis) {
        return new FaultUnderLoadProbe(fault, agents, eventsPerSecond, beforeMillis, afterMillis, true);
    }

    @Override
    public String name() {
        return fault.name();
    }

    @Override
    public boolean usesSharedStack() {
        return shared;
    }

    @Override
    public ProbeResult run(ChaosContext ctx) throws Exception {
        List<String> logins = shared ? ChaosContext.logins("shared", 100 + agents).subList(100, 100 + agents)
                : ChaosContext.logins("f", agents);
        ChaosStack stack = shared ? ctx.shared() : ctx.fresh(fault.name().replaceAll("[^a-z0-9]+", "-"), logins);
        try (CursorFollowers followers = new CursorFollowers(stack.http(), stack.agents(logins))) {
            CtiSimulator sim = stack.sim();
            Thread.sleep(1000); // the first polls fetch the attach events stored since login
            sim.load().start(eventsPerSecond, logins);
            Thread.sleep(beforeMillis);
            BitSet beforeFault = sim.load().eventsOnWire();
            Recovery recovery = fault.inflict(stack);
            BitSet byRecovery = sim.load().eventsOnWire();
            Thread.sleep(afterMillis);
            long produced = sim.load().stop();
            BitSet onWire = sim.load().eventsOnWire();
            long lost = followers.drain(onWire, 5_000, 60_000);
            long lostBeforeFault = followers.missing(beforeFault);
            long lostAfterRecovery = lost - followers.missing(byRecovery);
            return result(recovery, followers, produced, onWire.cardinality(), lost,
                    new long[] {beforeFault.cardinality(), lostBeforeFault, lostAfterRecovery});
        } finally {
            if (!shared) {
                ctx.release(stack);
            }
        }
    }

    /**
     * @param beforeFault queued on the connection when the fault struck, how many of those were lost, and how
     *                    many of those queued after the service was back were lost
     */
    private ProbeResult result(Recovery recovery, CursorFollowers followers, long produced, long onWire, long lost,
                               long[] beforeFault) {
        long dup = followers.duplicates();
        Map<Integer, Long> failures = followers.failures();
        long status500 = failures.getOrDefault(500, 0L);
        Map<String, Long> counts = new HashMap<>(recovery.counts());
        counts.putAll(Map.of("sent", onWire, "lost", lost, "duplicated", dup, "status500", status500,
                "foreign", followers.foreignEvents(), "queuedBeforeFault", beforeFault[0],
                "lostQueuedBeforeFault", beforeFault[1], "lostAfterRecovery", beforeFault[2]));
        long counted = fault.killsTheReader() ? beforeFault[1] : lost;
        boolean met = counted == 0 && dup == 0 && status500 == 0 && recovery.met();
        String sent = fault.killsTheReader()
                ? String.format(Locale.ROOT, "%,d sent before the kill, %,d of them lost (%,d sent after it: into the "
                        + "dying connection, then to the restart; %,d of those lost)", beforeFault[0], counted, onWire - beforeFault[0],
                        lost - counted)
                : String.format(Locale.ROOT, "%,d sent, %,d lost", onWire, lost);
        String figures = String.format(Locale.ROOT, "%s, %,d duplicated, %d answers 500", sent, dup, status500)
                + (recovery.figures().isEmpty() ? "" : "; " + recovery.figures());
        String target = "0 lost, 0 duplicated, 0 answers 500" + (recovery.target().isEmpty() ? "" : "; " + recovery.target());
        List<String> details = new ArrayList<>();
        details.add(String.format(Locale.ROOT, "- %d cursor-resuming agents, %,d events/s for %.0f s before and %.0f s "
                + "after the fault.", agents, eventsPerSecond, beforeMillis / 1000.0, afterMillis / 1000.0));
        details.add(String.format(Locale.ROOT, "- Load events produced %,d; queued on the middleware's connection %,d "
                + "(the rest found it down: the CTI keeps no history, so nobody can get them); received %,d distinct; "
                + "lost %,d; duplicated %,d.", produced, onWire, onWire - lost, lost, dup));
        details.add(String.format(Locale.ROOT, "- Of those lost, %,d had been queued before the fault struck (of %,d "
                + "queued by then), %,d while it lasted (e.g. into a connection whose peer was already dead and not yet "
                + "noticed by the simulator) and %,d after the service was back.",
                beforeFault[1], beforeFault[0], lost - beforeFault[1] - beforeFault[2], beforeFault[2]));
        details.add("- Failed polls by status (retried from the same cursor; -1 = I/O error): "
                + (failures.isEmpty() ? "none" : failures) + ".");
        details.addAll(recovery.details());
        return new ProbeResult(fault.name(), fault.tried(), figures, target, Outcome.of(met), counts, details);
    }
}
