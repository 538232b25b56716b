package io.ctimw.bench.client;

import io.ctimw.bench.stats.LatencyRecorder;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP sink: agents that each keep one long-poll open ({@code wait=30}) and re-poll as soon as
 * an answer arrives, recording CTI-send to agent-receive latency of every load event they get.
 */
public final class PollerFleet implements AutoCloseable {
    private static final int WAIT_SECONDS = 30;
    private static final long RETRY_DELAY_MS = 200;

    private final MiddlewareHttp http;
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
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "poll-retry");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running = true;
    private volatile String lastError = "";

    public PollerFleet(MiddlewareHttp http) {
        this.http = http;
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
            poll(agent, -1);
            if (++started % 250 == 0) {
                Thread.sleep(25);
            }
        }
    }

    private void poll(Agent agent, long after) {
        if (!running) {
            return;
        }
        open.incrementAndGet();
        CompletableFuture<HttpResponse<String>> answer = http.events(agent.token(), after, WAIT_SECONDS);
        answer.whenComplete((response, failure) -> {
            open.decrementAndGet();
            if (failure != null) {
                error(failure.toString());
                retries.schedule(() -> poll(agent, after), RETRY_DELAY_MS, TimeUnit.MILLISECONDS);
                return;
            }
            answers.incrementAndGet();
            int status = response.statusCode();
            if (status == 200) {
                long now = nowMicros();
                LoadEventScanner.scan(response.body(), (seq, sentAt, receivedAt) -> {
                    latency.recordMicros(now - sentAt);
                    if (receivedAt > 0) {
                        ingest.recordMicros(receivedAt - sentAt);
                        delivery.recordMicros(now - receivedAt);
                    }
                    ledger.received(seq);
                });
                long cursor = response.headers().firstValueAsLong("X-Cursor").orElse(after);
                poll(agent, cursor);
            } else if (status == 204) {
                poll(agent, after);
            } else {
                error("HTTP " + status + " " + response.body());
                retries.schedule(() -> poll(agent, after), RETRY_DELAY_MS, TimeUnit.MILLISECONDS);
            }
        });
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

    /** No new polls from now on; the open ones end within their wait. */
    @Override
    public void close() {
        running = false;
        retries.shutdownNow();
    }
}
