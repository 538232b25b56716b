package io.ctimw.core.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Permission to use one API method: {@code events} (read one's own events), {@code control:<Command>}
 * (send that command of the catalog) or {@code control:*} (every command). Whether a named command
 * exists is the catalog's business, not this value's.
 */
public record Grant(String value) implements Comparable<Grant> {
    // Before the constants below: they are checked against it as they are made.
    private static final Pattern SHAPE = Pattern.compile("events|control:(\\*|[A-Za-z][A-Za-z0-9]{0,63})");
    private static final String CONTROL_PREFIX = "control:";

    public static final Grant EVENTS = new Grant("events");
    public static final Grant ALL_CONTROL = new Grant("control:*");

    public Grant {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "a grant is 'events', 'control:*' or 'control:<CommandName>', not " + Json.quote(shortened(value)));
        }
    }

    public static Grant control(String command) {
        return new Grant(CONTROL_PREFIX + command);
    }

    /** The command a {@code control:<Command>} grant names; null for {@code events} and {@code control:*}. */
    public String command() {
        return isControl() && !equals(ALL_CONTROL) ? value.substring(CONTROL_PREFIX.length()) : null;
    }

    public boolean isControl() {
        return value.startsWith(CONTROL_PREFIX);
    }

    private static String shortened(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }

    @Override
    public int compareTo(Grant other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
