package io.ctimw.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Standalone-mode background activity: periodic incoming calls and load that follows attachments. */
final class DemoActivity implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoActivity.class);
    /** Long enough to see the ended call in `calls`, short enough that ended calls do not pile up. */
    static final Duration WRAP_UP = Duration.ofSeconds(3);

    private final CtiSimulator simulator;
    private final List<String> operators;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cti-sim-demo");
        t.setDaemon(true);
        return t;
    });
    private final Duration wrapUp;
    private Set<String> loadLogins = Set.of();

    DemoActivity(CtiSimulator simulator, List<String> operators) {
        this(simulator, operators, WRAP_UP);
    }

    /** {@code wrapUp}: how long a call the caller ended stays on the phone before the demo closes it. */
    DemoActivity(CtiSimulator simulator, List<String> operators, Duration wrapUp) {
        this.simulator = simulator;
        this.operators = List.copyOf(operators);
        this.wrapUp = wrapUp;
    }

    /** Rings someone every {@code period}; each caller hangs up after {@code callLength} (zero: never). */
    void ringEvery(Duration period, Duration callLength) {
        executor.scheduleAtFixedRate(() -> ringSomeone(callLength), period.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Keeps the load on whichever operators are attached, rechecked every second. */
    void loadAttached(double eventsPerSecond) {
        executor.scheduleWithFixedDelay(() -> retargetLoad(eventsPerSecond), 0, 1, TimeUnit.SECONDS);
    }

    private void ringSomeone(Duration callLength) {
        List<String> attached = attachedOperators();
        if (attached.isEmpty()) {
            return;
        }
        String login = attached.get(ThreadLocalRandom.current().nextInt(attached.size()));
        String caller = "+7900" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
        try {
            Object cid = simulator.injectIncomingCall(login, caller);
            LOG.info("demo: incoming call {} from {} to {}", cid, caller, login);
            if (!callLength.isZero()) {
                // Without this, calls nobody answers would pile up on the demo phones for ever.
                executor.schedule(() -> hangUp(login, cid), callLength.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (IllegalStateException e) {
            LOG.info("demo: not ringing {}: {}", login, e.getMessage());
        }
    }

    private void hangUp(String login, Object cid) {
        try {
            simulator.remoteHangup(login, cid);
            LOG.info("demo: caller hung up call {} of {}", cid, login);
            executor.schedule(() -> close(login, cid), wrapUp.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            LOG.debug("demo: call {} of {} already gone: {}", cid, login, e.getMessage());
        }
    }

    /** The wrap-up nobody does in the demo: closed as the operator's Close would (OnClose). */
    private void close(String login, Object cid) {
        if (simulator.closeEnded(login, cid)) {
            LOG.info("demo: closed ended call {} of {}", cid, login);
        }
    }

    private void retargetLoad(double eventsPerSecond) {
        Set<String> now = Set.copyOf(attachedOperators());
        if (now.equals(loadLogins)) {
            return;
        }
        loadLogins = now;
        if (now.isEmpty()) {
            long sent = simulator.load().stop();
            LOG.info("load: paused, no operator attached ({} events sent)", sent);
        } else {
            simulator.load().start(eventsPerSecond, List.copyOf(now));
            LOG.info("load: {} events/s over {}", eventsPerSecond, now);
        }
    }

    private List<String> attachedOperators() {
        Set<String> attached = simulator.attachedLogins();
        return operators.stream().filter(attached::contains).toList();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
