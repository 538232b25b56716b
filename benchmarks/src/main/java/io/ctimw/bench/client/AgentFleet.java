package io.ctimw.bench.client;

import io.ctimw.bench.stats.LatencyRecorder;
import java.util.List;

/** The agents receiving events, by long-poll ({@link PollerFleet}) or by event stream ({@link StreamFleet}). */
public interface AgentFleet extends AutoCloseable {
    /** Starts receiving for each agent not receiving yet. */
    void add(List<Agent> agents) throws InterruptedException;

    /** Polls in flight, or streams open, right now. */
    int open();

    long errors();

    /** Answers (polls) or messages (streams) received so far: what "settled" watches. */
    long answers();

    String lastError();

    DeliveryLedger ledger();

    LatencyRecorder latency();

    LatencyRecorder ingest();

    LatencyRecorder delivery();

    /** Starts a measurement window on all three recorders. */
    void resetLatency();

    @Override
    void close();
}
