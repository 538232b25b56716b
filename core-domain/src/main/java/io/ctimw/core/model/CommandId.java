package io.ctimw.core.model;

import java.util.regex.Pattern;

/**
 * The id the middleware gives a relayed command (not the CTI's rid). Ids of one instance sort in the
 * order they were made, and across instances by their millisecond, so "newest first" is "greatest id first".
 */
public record CommandId(String value) implements Comparable<CommandId> {
    private static final Pattern SHAPE = Pattern.compile("[0-9A-Za-z_-]{1,64}");

    public CommandId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a command id is 1-64 of A-Z a-z 0-9 _ -");
        }
    }

    /** Whether {@code text} would make an id: anything else names no command. */
    public static boolean valid(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }

    @Override
    public int compareTo(CommandId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
