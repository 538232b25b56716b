package io.ctimw.core.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A setting an administrator may change while the middleware runs, by its name in the config file. */
public enum Setting {
    DEFAULT_GRANTS("users.default-grants", Kind.TEXT_LIST),
    ALLOWED_STATES("cti.allowed-states", Kind.TEXT_LIST),
    THROTTLE_MAX_FAILURES("login-throttle.max-failures", Kind.COUNT),
    THROTTLE_MAX_FAILURES_PER_ADDRESS("login-throttle.max-failures-per-address", Kind.COUNT),
    THROTTLE_WINDOW("login-throttle.window", Kind.DURATION),
    REQUEST_LOG_RETENTION("request-log.retention", Kind.DURATION),
    IDLE_TIMEOUT("sessions.idle-timeout", Kind.DURATION);

    /** The JSON shape of a value, and how it is kept as text in the store. */
    enum Kind { TEXT_LIST, COUNT, DURATION }

    private final String key;
    private final Kind kind;

    Setting(String key, Kind kind) {
        this.key = key;
        this.kind = kind;
    }

    public String key() {
        return key;
    }

    Kind kind() {
        return kind;
    }

    public static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(Setting::key).toList();
    }

    /** The stored text of a value in its JSON shape (list items never hold a comma: their shapes forbid it). */
    String toText(Object wire) {
        return wire instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                : String.valueOf(wire);
    }

    /** The JSON shape of a stored text; @throws IllegalArgumentException when the text is not one */
    Object fromText(String text) {
        return switch (kind) {
            case TEXT_LIST -> text.isEmpty() ? List.of() : List.of(text.split(",", -1));
            case COUNT -> Long.parseLong(text);
            case DURATION -> text;
        };
    }
}
