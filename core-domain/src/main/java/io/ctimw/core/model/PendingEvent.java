package io.ctimw.core.model;

import io.ctimw.core.model.Login;
import java.time.Instant;
import java.util.Objects;

/** An event waiting to be appended to the store. */
public record PendingEvent(Login login, String name, String json, Instant receivedAt) {
    public PendingEvent {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
