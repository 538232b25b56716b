package io.ctimw.bench.chaos.probe;

import io.ctimw.bench.chaos.ChaosContext;
import io.ctimw.bench.chaos.Probe;
import io.ctimw.bench.chaos.ProbeResult;
import io.ctimw.bench.chaos.client.Attack;
import io.ctimw.bench.chaos.client.ServiceProbe;
import io.ctimw.bench.chaos.env.ChaosStack;
import io.ctimw.bench.client.Agent;
import io.ctimw.bench.client.PollerFleet;
import io.ctimw.bench.report.Outcome;
import io.ctimw.bench.stats.Fmt;
import io.ctimw.bench.stats.Latency;
import io.ctimw.simulator.CtiSimulator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hostile traffic against the shared stack while other agents go about their work: their CTI-to-agent
 * event latency (the benchmark's long-poll fleet) and a {@code /health} + {@code /session} probe are
 * measured during the attack. An event still undelivered when the attack ends counts as a miss.
 */
public final class SurgeProbe implements Probe {
    /** Builds the attack against the stack; {@code attackerToken} is a valid session of a hostile insider. */
    @FunctionalInterface
    public interface AttackFactory {
        Attack start(ChaosStack stack, String attackerToken) throws Exception;
    }

    private static final double TARGET_P99_MS = 100;

    private final String name;
    private final AttackFactory factory;
    private final int agents;
    private final int eventsPerSecond;
    private final long attackMillis;

    public SurgeProbe(String name, AttackFactory factory, int agents, int eventsPerSecond, long attackMillis) {
        this.name = name;
        this.factory = factory;
        this.agents = agents;
        this.eventsPerSecond = eventsPerSecond;
        this.attackMillis = attackMillis;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean usesSharedStack() {
        return true;
    }

    @Override
    public ProbeResult run(ChaosContext ctx) throws Exception {
        ChaosStack stack = ctx.shared();
        List<String> logins = ChaosContext.logins("shared", agents);
        List<Agent> quiet = stack.agents(logins);
        Agent attacker = stack.agents(List.of("shared-" + (agents + 1))).get(0);
        CtiSimulator sim = stack.sim();
        try (PollerFleet fleet = new PollerFleet(stack.http());
             ServiceProbe probe = new ServiceProbe(stack.port(), quiet.get(0).token())) {
            fleet.add(quiet);
            Thread.sleep(1000);
            sim.load().start(eventsPerSecond, logins);
            Thread.sleep(2000);
            fleet.resetLatency();
            probe.latency().reset();
            Thread.sleep(3000);
            Latency baseline = Latency.ofMicros(fleet.latency().snapshot());
            sim.load().stop();
            Thread.sleep(500); // the baseline's last events land before the ledger starts over
            fleet.resetLatency();
            probe.latency().reset();
            fleet.ledger().reset();
            sim.load().start(eventsPerSecond, logins); // numbers the attack window's events from 0
            try (Attack attack = factory.start(stack, attacker.token())) {
                Thread.sleep(attackMillis);
                long produced = sim.load().stop();
                Thread.sleep(1000); // grace: an event sent in the last second may still be on its way
                long onWire = sim.load().eventsOnWire().cardinality();
                long delivered = fleet.ledger().distinct();
                Latency during = Latency.ofMicros(fleet.latency().snapshot());
                Latency service = Latency.ofMicros(probe.latency().snapshot());
                return result(attack, baseline, during, service, probe.failures(), produced, onWire, delivered,
                        fleet.errors());
            }
        }
    }

    private ProbeResult result(Attack attack, Latency baseline, Latency during, Latency service, long serviceFailures,
                               long produced, long onWire, long delivered, long pollErrors) {
        long late = onWire - delivered;
        boolean met = late == 0 && during.count() > 0 && during.p99Ms() < TARGET_P99_MS;
        String p99 = Fmt.ms(during.p99Ms()) + " ms" + (late == 0 ? ""
                : " of those delivered, and " + Fmt.count(late) + " of " + Fmt.count(onWire) + " events not delivered 1 s after the attack");
        String figures = "other agents' p99 " + p99 + " (baseline " + Fmt.ms(baseline.p99Ms()) + " ms); `/health`+`/session` p99 "
                + Fmt.ms(service.p99Ms()) + " ms, max " + Fmt.ms(service.maxMs()) + " ms, " + serviceFailures + " failed";
        long status500 = attack.answers().get(500);
        return new ProbeResult(name, attack.describe() + ", " + attackMillis / 1000 + " s, while " + agents
                + " other agents long-poll " + eventsPerSecond + " events/s",
                figures, "other agents' p99 < " + (int) TARGET_P99_MS + " ms", Outcome.of(met && status500 == 0),
                Map.of("lateEvents", late, "status500", status500, "serviceFailures", serviceFailures),
                List.of(String.format(Locale.ROOT, "- Other agents' events during the attack: produced %,d, on the wire %,d, "
                                + "delivered by its end %,d; latency %s (before the attack: %s); poll errors %d.",
                                produced, onWire, delivered, during.describe(), baseline.describe(), pollErrors),
                        "- `/health` and `/session` (new connection each, every 50 ms): " + service.describe() + ", "
                                + serviceFailures + " not 200 (a request unanswered after 10 s counts as 10 s).",
                        "- The attack's own answers: " + attack.answers().describe() + "."));
    }

}
