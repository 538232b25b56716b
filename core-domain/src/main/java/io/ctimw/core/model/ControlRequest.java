package io.ctimw.core.model;

import java.util.Map;
import java.util.Objects;

/**
 * A command exactly as an agent sent it: the name and the other top-level fields as plain Java JSON
 * values (String, Boolean, Integer/Long/BigInteger, Double, Map, List, or null). Nothing trusted yet.
 */
public record ControlRequest(String name, Map<String, Object> fields) {
    public ControlRequest {
        Objects.requireNonNull(fields, "fields");
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }
}
