package io.ctimw.bench.chaos.probe;

import io.ctimw.bench.chaos.ChaosContext;
import io.ctimw.bench.chaos.Probe;
import io.ctimw.bench.chaos.ProbeResult;
import io.ctimw.bench.chaos.client.CursorFollowers;
import io.ctimw.bench.chaos.env.ChaosStack;
import io.ctimw.bench.report.Outcome;
import io.ctimw.bench.scenario.Waits;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CTI server dies (SIGKILL of the simulator process) and comes back on the same port after a while.
 * Re-attach time = from the simulator accepting connections again to the last agent receiving its
 * {@code mw.PhoneAvailable}.
 */
public final class CtiKillProbe implements Probe {
    private static final long TARGET_MS = 5_000;
    private static final long GIVE_UP_MS = 60_000;

    private final int agents;
    private final long downMillis;

    public CtiKillProbe(int agents, long downMillis) {
        this.agents = agents;
        this.downMillis = downMillis;
    }

    @Override
    public String name() {
        return "CTI kill";
    }

    @Override
    public ProbeResult run(ChaosContext ctx) throws Exception {
        List<String> logins = ChaosContext.logins("c", agents);
        ChaosStack stack = ctx.freshWithSimulatorProcess("cti-kill", logins);
        try (CursorFollowers followers = new CursorFollowers(stack.http(), stack.agents(logins))) {
            if (!Waits.until(() -> availableSince(followers, Long.MIN_VALUE).size() == agents, 30_000)) {
                throw new IllegalStateException("not every agent got mw.PhoneAvailable after login");
            }
            stack.simProcess().kill();
            long killed = System.nanoTime();
            boolean told = Waits.until(() -> namedSince(followers, "mw.PhoneUnavailable", killed).size() == agents, 30_000);
            Thread.sleep(Math.max(0, downMillis - (System.nanoTime() - killed) / 1_000_000));
            stack.simProcess().restart();
            long back = System.nanoTime();
            boolean all = Waits.until(() -> availableSince(followers, back).size() == agents, GIVE_UP_MS);
            long lastMs = followers.mwEvents().stream()
                    .filter(e -> e.name().equals("mw.PhoneAvailable") && e.receivedNanos() >= back)
                    .mapToLong(e -> (e.receivedNanos() - back) / 1_000_000).max().orElse(-1);
            long reattach = all ? lastMs : -1;
            String figure = all ? "re-attached " + reattach + " ms after the CTI was back"
                    : availableSince(followers, back).size() + " of " + agents + " re-attached within " + GIVE_UP_MS / 1000 + " s";
            boolean met = all && reattach < TARGET_MS && told;
            return new ProbeResult(name(), "SIGKILL of the CTI simulator process, restarted on the same port after "
                    + downMillis / 1000 + " s; " + agents + " agents logged in",
                    figure, "re-attach < " + TARGET_MS / 1000 + " s", Outcome.of(met),
                    Map.of("reattachMs", reattach, "foreign", followers.foreignEvents()),
                    List.of("- Every agent told `mw.PhoneUnavailable` within 30 s of the kill: " + (told ? "yes" : "**no**") + ".",
                            "- " + figure + " (time from the simulator's port accepting connections to the last agent's "
                                    + "`mw.PhoneAvailable`, as the agents received it).",
                            "- Failed polls by status: " + followers.failures() + "."));
        } finally {
            ctx.release(stack);
        }
    }

    private static Set<String> availableSince(CursorFollowers followers, long sinceNanos) {
        return namedSince(followers, "mw.PhoneAvailable", sinceNanos);
    }

    private static Set<String> namedSince(CursorFollowers followers, String name, long sinceNanos) {
        Set<String> logins = new HashSet<>();
        followers.mwEvents().stream().filter(e -> e.name().equals(name) && e.receivedNanos() >= sinceNanos)
                .forEach(e -> logins.add(e.login()));
        return logins;
    }
}
