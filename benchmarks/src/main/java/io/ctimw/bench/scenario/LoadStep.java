package io.ctimw.bench.scenario;

import io.ctimw.bench.client.AgentFleet;
import io.ctimw.bench.stats.Latency;
import io.ctimw.simulator.CtiSimulator;
import io.ctimw.bench.env.CpuMeter;
import io.ctimw.bench.env.GcLog;
import java.util.List;
import java.util.Map;

/**
 * One load step: the simulator emits at a fixed rate over the given logins while the fleet polls;
 * latency counts what arrives after the warm-up; after the load stops, the step waits for the stragglers.
 */
final class LoadStep {
    /** What one step measured. */
    record Result(int rate, long sent, long delivered, long duplicates, double seconds, Latency latency,
                  long errors, Map<String, Double> cpu, Latency ingest, Latency delivery, GcLog.Pauses gc) {
        boolean allDelivered() {
            return delivered == sent && duplicates == 0;
        }

        double achievedRate() {
            return sent / seconds;
        }
    }

    private LoadStep() {
    }

    static Result run(BenchContext ctx, List<String> logins, int rate, long warmupMillis, long measureMillis,
                      long drainMillis) throws InterruptedException {
        CtiSimulator sim = ctx.sim();
        AgentFleet fleet = ctx.fleet();
        CpuMeter cpu = ctx.cpuMeter();
        GcLog gcLog = ctx.middleware().gcLog();
        fleet.ledger().reset();
        long errorsBefore = fleet.errors();
        long start = System.nanoTime();
        sim.load().start(rate, logins);
        Thread.sleep(warmupMillis);
        fleet.resetLatency();
        cpu.start();
        int gcMark = gcLog.mark();
        Thread.sleep(measureMillis);
        Map<String, Double> used = cpu.stop();
        GcLog.Pauses pauses = gcLog.pausesSince(gcMark);
        long sent = sim.load().stop();
        double seconds = (System.nanoTime() - start) / 1e9;
        Waits.until(() -> fleet.ledger().distinct() >= sent, drainMillis);
        return new Result(rate, sent, fleet.ledger().distinct(), fleet.ledger().duplicates(), seconds,
                Latency.ofMicros(fleet.latency().snapshot()), fleet.errors() - errorsBefore, used,
                Latency.ofMicros(fleet.ingest().snapshot()), Latency.ofMicros(fleet.delivery().snapshot()), pauses);
    }
}
