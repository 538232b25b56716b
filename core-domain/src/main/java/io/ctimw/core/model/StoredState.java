package io.ctimw.core.model;

import java.util.Objects;

/** A login's state row as the event store keeps it: the state's JSON after the events up to {@code cursor}. */
public record StoredState(long cursor, String json) {
    public StoredState {
        Objects.requireNonNull(json, "json");
        if (cursor <= 0) {
            throw new IllegalArgumentException("cursor must be positive");
        }
    }
}
