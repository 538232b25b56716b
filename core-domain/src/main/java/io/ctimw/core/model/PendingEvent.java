package io.ctimw.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An event waiting to be appended to the store. {@code intakeSeq} is its place in the intake log (see
 * {@link io.ctimw.core.port.out.IntakeLog}), strictly increasing in receive order; 0 when it was not logged.
 * The store keeps the highest one it committed, so a restart knows which logged events it still lacks.
 */
public record PendingEvent(Login login, String name, String json, Instant receivedAt, long intakeSeq) {
    public PendingEvent {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (intakeSeq < 0) {
            throw new IllegalArgumentException("intakeSeq must not be negative");
        }
    }

    /** An event that has no place in an intake log (yet). */
    public PendingEvent(Login login, String name, String json, Instant receivedAt) {
        this(login, name, json, receivedAt, 0);
    }

    public PendingEvent withIntakeSeq(long seq) {
        return new PendingEvent(login, name, json, receivedAt, seq);
    }

    /** The highest intake sequence in {@code events}, 0 when none was logged. */
    public static long lastIntakeSeq(List<PendingEvent> events) {
        long last = 0;
        for (PendingEvent e : events) {
            last = Math.max(last, e.intakeSeq());
        }
        return last;
    }
}
