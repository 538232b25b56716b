package io.ctimw.bench.client;

import io.ctimw.bench.stats.LatencyRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP sink: agents that each keep one long-poll open ({@code wait=30}) and re-poll as soon as
 * an answer arrives, recording CTI-send to agent-receive latency of every load event they get.
 * The polls run on hand-written HTTP/1.1 over NIO ({@link PollSelectorLoop}), one keep-alive
 * connection per agent: {@code java.net.http.HttpClient} took more CPU than the middleware it measured.
 */
public final class PollerFleet implements AgentFleet, PollSelectorLoop.Handler {
    private static final int WAIT_SECONDS = 30;
    private static final long RETRY_DELAY_MS = 200;
    private static final int SELECTOR_THREADS = 1;

    private final LatencyRecorder latency = new LatencyRecorder();
    /** Simulator send to middleware receive ({@code _receivedAt}): the CTI link's share. */
    private final LatencyRecorder ingest = new LatencyRecorder();
    /** Middleware receive to agent receive: storing, waking the poll, answering it. */
    private final LatencyRecorder delivery = new LatencyRecorder();
    private final DeliveryLedger ledger = new DeliveryLedger();
    private final AtomicInteger open = new AtomicInteger();
    private final Set<String> polling = ConcurrentHashMap.newKeySet();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong answers = new AtomicLong();
    private final List<PollSelectorLoop> loops = new ArrayList<>();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "poll-retry");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running = true;
    private volatile String lastError = "";
    private int next;

    public PollerFleet(MiddlewareHttp http) {
        try {
            for (int i = 0; i < SELECTOR_THREADS; i++) {
                loops.add(new PollSelectorLoop("poll-io-" + i, http.port(), WAIT_SECONDS, this));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts one poll loop per agent not polling yet, a few hundred at a time so the server's accept
     * queue keeps up.
     */
    public void add(List<Agent> agents) throws InterruptedException {
        int started = 0;
        for (Agent agent : agents) {
            if (!polling.add(agent.login())) {
                continue;
            }
            PollSelectorLoop loop = loops.get(next++ % loops.size());
            PollConnection c = loop.connection(agent);
            open.incrementAndGet();
            loop.execute(() -> send(c));
            if (++started % 250 == 0) {
                Thread.sleep(25);
            }
        }
    }

    /** Sends the next poll; loop thread only. {@link #open} is already counted. */
    private void send(PollConnection c) {
        if (running) {
            c.loop.poll(c);
        } else {
            open.decrementAndGet();
        }
    }

    private void repoll(PollConnection c) {
        open.incrementAndGet();
        send(c);
    }

    @Override
    public void answered(PollConnection c, PollAnswer answer) {
        open.decrementAndGet();
        answers.incrementAndGet();
        int status = answer.status();
        if (status == 200) {
            long now = nowMicros();
            LoadEventScanner.scan(answer.body(), (seq, sentAt, receivedAt) -> {
                latency.recordMicros(now - sentAt);
                if (receivedAt > 0) {
                    ingest.recordMicros(receivedAt - sentAt);
                    delivery.recordMicros(now - receivedAt);
                }
                ledger.received(seq);
            });
            if (answer.cursor() >= 0) {
                c.after = answer.cursor();
            }
            repoll(c);
        } else if (status == 204) {
            repoll(c);
        } else {
            error("HTTP " + status + " " + answer.body());
            retryLater(c);
        }
    }

    @Override
    public void failed(PollConnection c, String what) {
        open.decrementAndGet();
        error(what);
        retryLater(c);
    }

    private void retryLater(PollConnection c) {
        if (!running) {
            return;
        }
        retries.schedule(() -> c.loop.execute(() -> repoll(c)), RETRY_DELAY_MS, TimeUnit.MILLISECONDS);
    }

    private void error(String what) {
        errors.incrementAndGet();
        lastError = what;
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    public LatencyRecorder latency() {
        return latency;
    }

    public LatencyRecorder ingest() {
        return ingest;
    }

    public LatencyRecorder delivery() {
        return delivery;
    }

    /** Starts a measurement window on all three recorders. */
    public void resetLatency() {
        latency.reset();
        ingest.reset();
        delivery.reset();
    }

    public DeliveryLedger ledger() {
        return ledger;
    }

    /** Polls in flight right now. */
    public int open() {
        return open.get();
    }

    public long errors() {
        return errors.get();
    }

    public long answers() {
        return answers.get();
    }

    public String lastError() {
        return lastError;
    }

    /** No new polls from now on; the selector threads stop and close their connections. */
    @Override
    public void close() {
        running = false;
        retries.shutdownNow();
        loops.forEach(PollSelectorLoop::close);
    }
}
