package io.ctimw.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Emits CallStatus-like events at a fixed rate, round-robin over logins, from one pacing thread.
 * Each tick sends as many events as the rate says are due by now, so the average rate holds even
 * when ticks are late, without one task per event. Reached through {@link CtiSimulator#load()};
 * thread-safe.
 */
public final class SimulatorLoad {
    private static final long TICK_MICROS = 2_000;

    private final Switchboard board;
    private final CidFactory cids;
    private ScheduledExecutorService executor;
    private volatile long sent;
    /** Which events of the run were queued on an open connection: what a client can be held to. */
    private final BitSet onWire = new BitSet();

    SimulatorLoad(Switchboard board, CidFactory cids) {
        this.board = board;
        this.cids = cids;
    }

    /**
     * Emits {@code eventsPerSecond} CallStatus events (one fixed cid per login) round-robin over the
     * logins, each with {@code params.simSentAtMicros} and {@code params.simSeq}. Events for a login
     * with no attached connection are counted but go nowhere. Replaces any running load.
     */
    public synchronized void start(double eventsPerSecond, List<String> logins) {
        logins = List.copyOf(logins);
        if (!(eventsPerSecond > 0) || logins.isEmpty()) {
            throw new IllegalArgumentException("need a positive rate and at least one login");
        }
        stop();
        List<Target> targets = new ArrayList<>();
        for (String login : logins) {
            // One fixed call per login: the events look like updates of a long-running call.
            targets.add(new Target(login, cids.next()));
        }
        sent = 0;
        synchronized (onWire) {
            onWire.clear();
        }
        long startNanos = System.nanoTime();
        ScheduledExecutorService pacing = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cti-sim-load");
            t.setDaemon(true);
            return t;
        });
        pacing.scheduleAtFixedRate(() -> tick(targets, eventsPerSecond, startNanos), 0, TICK_MICROS,
                TimeUnit.MICROSECONDS);
        executor = pacing;
    }

    /** Stops the load; returns the number of events produced since it started. Idempotent. */
    public synchronized long stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
        return sent;
    }

    /** Events produced by the current (or last) load run. */
    public long eventsSent() {
        return sent;
    }

    /**
     * The {@code simSeq} values of the current (or last) load run that were queued on an open
     * connection; the rest found no attached client (the NCC keeps no history, so nobody can get them).
     */
    public BitSet eventsOnWire() {
        synchronized (onWire) {
            return (BitSet) onWire.clone();
        }
    }

    private void tick(List<Target> targets, double rate, long startNanos) {
        long due = (long) ((System.nanoTime() - startNanos) / 1e9 * rate);
        long n = sent;
        while (n < due && !Thread.currentThread().isInterrupted()) {
            Target target = targets.get((int) (n % targets.size()));
            Softphone phone = board.phone(target.login);
            if (phone != null && board.emit(phone, event(target, n)) && n <= Integer.MAX_VALUE) {
                synchronized (onWire) {
                    onWire.set((int) n);
                }
            }
            n++;
            sent = n;
        }
    }

    private static ObjectNode event(Target target, long seq) {
        ObjectNode event = Json.event("CallStatus", target.login);
        CidFactory.put(event, target.cid);
        event.put("type", "sip");
        event.put("state", "connected");
        event.put("direction", "in");
        event.put("hold", false);
        event.put("muted", false);
        event.put("displayName", "load");
        ObjectNode params = event.putObject("params");
        params.put("sessionId", "load-" + target.login);
        params.put("simSeq", seq);
        Instant now = Instant.now();
        params.put("simSentAtMicros", now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000);
        return event;
    }

    private record Target(String login, Object cid) {
    }
}
