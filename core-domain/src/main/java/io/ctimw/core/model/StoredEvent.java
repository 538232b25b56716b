package io.ctimw.core.model;

import io.ctimw.core.model.Login;
import java.time.Instant;
import java.util.Objects;

/** An event in the store: {@code cursor} increases per login and is what agents resume from. */
public record StoredEvent(long cursor, Login login, String name, String json, Instant receivedAt) {
    public StoredEvent {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (cursor <= 0) {
            throw new IllegalArgumentException("cursor must be positive");
        }
    }
}
