package io.ctimw.bench.chaos.client;

import io.ctimw.bench.stats.LatencyRecorder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an operator's monitor and a quiet agent see while the service is under attack: every 50 ms a
 * {@code GET /health} and an authenticated {@code GET /api/v1/session}, each on a new connection, timed.
 * A request that gets no answer within 10 s counts as 10 s and as a failure.
 */
public final class ServiceProbe implements AutoCloseable {
    private static final int TIMEOUT_MS = 10_000;

    private final LatencyRecorder latency = new LatencyRecorder();
    private final AtomicLong failures = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    public ServiceProbe(int port, String token) {
        byte[] health = ("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] session = ("GET /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        thread = new Thread(() -> {
            while (running) {
                once(port, health);
                once(port, session);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "service-probe");
        thread.setDaemon(true);
        thread.start();
    }

    private void once(int port, byte[] request) {
        long start = System.nanoTime();
        int status = RawExchange.send(port, request, TIMEOUT_MS);
        long micros = (System.nanoTime() - start) / 1000;
        latency.recordMicros(status == RawExchange.TIMED_OUT ? TIMEOUT_MS * 1000L : micros);
        if (status != 200) {
            failures.incrementAndGet();
        }
    }

    public LatencyRecorder latency() {
        return latency;
    }

    /** Answers other than 200 (including none). */
    public long failures() {
        return failures.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(TIMEOUT_MS + 1000L);
    }
}
