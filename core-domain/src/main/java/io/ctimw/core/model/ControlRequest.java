package io.ctimw.core.model;

import java.util.Map;
import java.util.Objects;

/**
 * A command exactly as an agent sent it: the name and the other top-level fields as plain Java JSON
 * values (String, Boolean, Integer/Long/BigInteger, Double, Map, List, or null). Nothing trusted yet.
 * {@code key} is the caller's idempotency key, or null.
 */
public record ControlRequest(String name, Map<String, Object> fields, IdempotencyKey key) {
    public ControlRequest {
        Objects.requireNonNull(fields, "fields");
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }

    public ControlRequest(String name, Map<String, Object> fields) {
        this(name, fields, null);
    }
}
