package io.ctimw.bench.client;

import io.ctimw.bench.stats.LatencyRecorder;
import java.util.concurrent.atomic.AtomicLong;

/** What a fleet measures: the three latencies, the delivery ledger and its errors. */
abstract class FleetMeters implements AgentFleet {
    private final LatencyRecorder latency = new LatencyRecorder();
    /** Simulator send to middleware receive ({@code _receivedAt}): the CTI link's share. */
    private final LatencyRecorder ingest = new LatencyRecorder();
    /** Middleware receive to agent receive. */
    private final LatencyRecorder delivery = new LatencyRecorder();
    private final DeliveryLedger ledger = new DeliveryLedger();
    private final AtomicLong errors = new AtomicLong();
    private volatile String lastError = "";

    /** Records every load event in {@code text}, received just now. */
    final void received(String text) {
        long now = PollerFleet.nowMicros();
        LoadEventScanner.scan(text, (seq, sentAt, receivedAt) -> {
            latency.recordMicros(now - sentAt);
            if (receivedAt > 0) {
                ingest.recordMicros(receivedAt - sentAt);
                delivery.recordMicros(now - receivedAt);
            }
            ledger.received(seq);
        });
    }

    final void error(String what) {
        errors.incrementAndGet();
        lastError = what;
    }

    @Override
    public LatencyRecorder latency() {
        return latency;
    }

    @Override
    public LatencyRecorder ingest() {
        return ingest;
    }

    @Override
    public LatencyRecorder delivery() {
        return delivery;
    }

    @Override
    public void resetLatency() {
        latency.reset();
        ingest.reset();
        delivery.reset();
    }

    @Override
    public DeliveryLedger ledger() {
        return ledger;
    }

    @Override
    public long errors() {
        return errors.get();
    }

    @Override
    public String lastError() {
        return lastError;
    }
}
