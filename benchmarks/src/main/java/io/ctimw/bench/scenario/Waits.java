package io.ctimw.bench.scenario;

import java.util.function.BooleanSupplier;

/** Small waiting helpers the scenarios (and the chaos probes) share. */
public final class Waits {
    private Waits() {
    }

    /** Polls {@code done} every 20 ms; returns whether it became true within {@code millis}. */
    public static boolean until(BooleanSupplier done, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return done.getAsBoolean();
    }

    /**
     * Waits until the fleet has had no answer for a second: every agent's first poll (which fetches the
     * attach events stored since its login) is answered and the polls now wait. Returns the seconds it took.
     */
    static double fleetSettled(io.ctimw.bench.client.AgentFleet fleet, long maxMillis) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + maxMillis * 1_000_000L;
        long last = -1;
        while (System.nanoTime() < deadline) {
            long now = fleet.answers();
            if (now == last) {
                break;
            }
            last = now;
            Thread.sleep(1000);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static void sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }
}
