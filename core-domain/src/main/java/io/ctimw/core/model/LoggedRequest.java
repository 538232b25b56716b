package io.ctimw.core.model;

import java.time.Instant;
import java.util.Objects;

/** A line of the request log: the request, when it arrived, and its id in the store (0 until stored). */
public record LoggedRequest(long id, Instant at, ApiRequest request) {
    public LoggedRequest {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(request, "request");
        if (id < 0) {
            throw new IllegalArgumentException("id must not be negative");
        }
    }

    /** Where the page after this one starts: older than this line. */
    public RequestCursor cursor() {
        return new RequestCursor(at, id);
    }
}
