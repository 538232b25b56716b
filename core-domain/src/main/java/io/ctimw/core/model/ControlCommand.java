package io.ctimw.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A validated command ready for the CTI: field values are String, Boolean or
 * {@link io.ctimw.core.model.CallId} (sent in the CTI's own JSON type). No rid, no login: the link
 * adds a fresh rid and the session's login.
 */
public record ControlCommand(String name, Map<String, Object> fields) {
    public ControlCommand {
        Objects.requireNonNull(name, "name");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
