package io.ctimw.bench.chaos.probe;

import io.ctimw.bench.chaos.ChaosContext;
import io.ctimw.bench.chaos.Probe;
import io.ctimw.bench.chaos.ProbeResult;
import io.ctimw.bench.chaos.env.ChaosStack;
import io.ctimw.bench.client.PollerFleet;
import io.ctimw.bench.report.Outcome;
import io.ctimw.bench.stats.Fmt;
import io.ctimw.bench.stats.Latency;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The long run ({@code chaos.sh --soak}): load for many minutes while the heap after each GC and the RSS are
 * sampled; a leak shows as a rising trend. Compares the average of the last fifth of the run with the
 * fifth after warm-up (the first fifth is warm-up: caches and JIT settle).
 */
public final class SoakProbe implements Probe {
    private static final Pattern AFTER_GC = Pattern.compile("Pause.*\\s(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final double ALLOWED_GROWTH = 1.2;

    private final int minutes;
    private final int eventsPerSecond;
    private final int agents;

    public SoakProbe(int minutes, int eventsPerSecond, int agents) {
        this.minutes = minutes;
        this.eventsPerSecond = eventsPerSecond;
        this.agents = agents;
    }

    @Override
    public String name() {
        return "soak";
    }

    @Override
    public ProbeResult run(ChaosContext ctx) throws Exception {
        List<String> logins = ChaosContext.logins("s", agents);
        ChaosStack stack = ctx.fresh("soak", logins);
        List<long[]> samples = new ArrayList<>(); // minute*1000, heap after GC MiB, RSS MiB
        try (PollerFleet fleet = new PollerFleet(stack.http())) {
            fleet.add(stack.agents(logins));
            Thread.sleep(1000);
            stack.sim().load().start(eventsPerSecond, logins);
            long start = System.nanoTime();
            long end = start + minutes * 60_000_000_000L;
            while (System.nanoTime() < end) {
                Thread.sleep(30_000);
                long elapsedMs = (System.nanoTime() - start) / 1_000_000;
                samples.add(new long[] {elapsedMs, lastHeapAfterGc(stack.middleware().gcLog()),
                        stack.middleware().rssBytes() >> 20});
            }
            stack.sim().load().stop();
            Thread.sleep(2000);
            long onWire = stack.sim().load().eventsOnWire().cardinality();
            long delivered = fleet.ledger().distinct();
            Latency latency = Latency.ofMicros(fleet.latency().snapshot());
            return result(samples, onWire, delivered, fleet.ledger().duplicates(), latency, fleet.errors());
        } finally {
            ctx.release(stack);
        }
    }

    private ProbeResult result(List<long[]> samples, long onWire, long delivered, long dup, Latency latency, long errors) {
        int n = samples.size();
        double heapEarly = average(samples, n / 5, 2 * n / 5, 1);
        double heapLate = average(samples, 4 * n / 5, n, 1);
        double rssEarly = average(samples, n / 5, 2 * n / 5, 2);
        double rssLate = average(samples, 4 * n / 5, n, 2);
        boolean flat = heapLate <= heapEarly * ALLOWED_GROWTH && rssLate <= rssEarly * ALLOWED_GROWTH;
        long lost = onWire - delivered;
        List<String> details = new ArrayList<>();
        details.add(String.format(Locale.ROOT, "- %d agents, %,d events/s for %d min: on the wire %,d, delivered %,d, "
                + "duplicated %,d; latency %s; poll errors %d.", agents, eventsPerSecond, minutes, onWire, delivered, dup,
                latency.describe(), errors));
        details.add("");
        details.add("| minute | heap after last GC MiB | RSS MiB |");
        details.add("|---|---|---|");
        for (long[] s : samples) {
            details.add(String.format(Locale.ROOT, "| %.1f | %d | %d |", s[0] / 60_000.0, s[1], s[2]));
        }
        String figures = String.format(Locale.ROOT, "heap after GC %.0f -> %.0f MiB, RSS %.0f -> %.0f MiB; %s lost",
                heapEarly, heapLate, rssEarly, rssLate, Fmt.count(lost));
        return new ProbeResult(name(), minutes + " min at " + eventsPerSecond + " events/s over " + agents + " agents",
                figures, "flat (last fifth within 20% of the second fifth), 0 lost", Outcome.of(flat && lost == 0 && dup == 0),
                Map.of("lost", lost, "duplicated", dup), details);
    }

    private static double average(List<long[]> samples, int from, int to, int column) {
        return samples.subList(Math.min(from, samples.size()), Math.min(Math.max(to, from + 1), samples.size())).stream()
                .mapToLong(s -> s[column]).filter(v -> v >= 0).average().orElse(Double.NaN);
    }

    /** The heap occupancy after the newest GC pause in the log, in MiB, or -1. */
    static long lastHeapAfterGc(Path gcLog) {
        try {
            List<String> lines = Files.readAllLines(gcLog);
            for (int i = lines.size() - 1; i >= 0; i--) {
                Matcher m = AFTER_GC.matcher(lines.get(i));
                if (m.find()) {
                    return Long.parseLong(m.group(2));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}
