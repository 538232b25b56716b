package io.ctimw.adapters.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admission for one kind of work: at most {@code total} at once, and at most {@code perAddress} of them
 * from one client address, so one client cannot take the whole share. Refuses at once, never queues.
 */
final class Gate {
    /** Why a caller was not let in, or that it was. */
    enum Verdict { ADMITTED, ADDRESS_FULL, FULL }

    private final int total;
    private final int perAddress;
    private final AtomicInteger inUse = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> byAddress = new ConcurrentHashMap<>();

    Gate(int total, int perAddress) {
        this.total = total;
        this.perAddress = perAddress;
    }

    /** Takes a place for {@code address}; on {@link Verdict#ADMITTED} the caller must {@link #leave} once. */
    Verdict tryEnter(String address) {
        boolean[] admitted = new boolean[1];
        byAddress.compute(address, (key, held) -> {
            int current = held == null ? 0 : held;
            admitted[0] = current < perAddress;
            return admitted[0] ? current + 1 : held;
        });
        if (!admitted[0]) {
            return Verdict.ADDRESS_FULL;
        }
        if (inUse.incrementAndGet() > total) {
            leave(address);
            return Verdict.FULL;
        }
        return Verdict.ADMITTED;
    }

    /** Whether {@link #tryEnter} would let {@code address} in right now (without taking a place). */
    boolean wouldAdmit(String address) {
        return inUse.get() < total && byAddress.getOrDefault(address, 0) < perAddress;
    }

    void leave(String address) {
        inUse.decrementAndGet();
        byAddress.computeIfPresent(address, (key, held) -> held <= 1 ? null : held - 1);
    }

    /** Places taken right now (for tests and diagnostics). */
    int inUse() {
        return inUse.get();
    }
}
