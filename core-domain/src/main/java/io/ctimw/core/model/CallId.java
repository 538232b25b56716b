package io.ctimw.core.model;

import java.util.regex.Pattern;

/**
 * A call id ({@code cid}) in one operator's context. The CTI may send it as a JSON string or a JSON
 * number; {@code numeric} remembers which, so commands echo it back in the CTI's own type, while
 * agents may name the call either way ({@code 2} and {@code "2"} are the same call).
 */
public record CallId(String text, boolean numeric) {
    public static final int MAX_LENGTH = 128;
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,19}");

    public CallId {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("cid must be 1-" + MAX_LENGTH + " characters");
        }
        if (numeric && !INTEGER.matcher(text).matches()) {
            throw new IllegalArgumentException("numeric cid must be an integer");
        }
    }

    public static CallId ofText(String text) {
        return new CallId(text, false);
    }

    public static CallId ofNumber(long number) {
        return new CallId(Long.toString(number), true);
    }

    /** The key that makes {@code 2} and {@code "2"} the same call. */
    public String key() {
        return text;
    }

    @Override
    public String toString() {
        return numeric ? text : '"' + text + '"';
    }
}
