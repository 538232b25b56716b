package io.ctimw.bench.client;

import java.util.BitSet;

/**
 * Which load events ({@code simSeq}) of the current load run have arrived: every event goes to one
 * login and each login has one poller, so an event seen twice is a duplicate delivery.
 */
public final class DeliveryLedger {
    private final BitSet seen = new BitSet();
    private long distinct;
    private long duplicates;

    public synchronized void received(long seq) {
        if (seq < 0 || seq > Integer.MAX_VALUE) {
            return;
        }
        int i = (int) seq;
        if (seen.get(i)) {
            duplicates++;
        } else {
            seen.set(i);
            distinct++;
        }
    }

    /** Starts a new load run (the simulator numbers each run's events from 0). */
    public synchronized void reset() {
        seen.clear();
        distinct = 0;
        duplicates = 0;
    }

    public synchronized long distinct() {
        return distinct;
    }

    public synchronized long duplicates() {
        return duplicates;
    }
}
