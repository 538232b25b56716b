package io.ctimw.core.model;

import java.util.regex.Pattern;

/**
 * A client's {@code Idempotency-Key}: 1-128 visible ASCII characters. A retry that carries the same key
 * (same login, same command) gets the first attempt's outcome instead of a second command to the CTI.
 */
public record IdempotencyKey(String value) {
    public static final int MAX_LENGTH = 128;
    private static final Pattern SHAPE = Pattern.compile("[\\x21-\\x7E]{1," + MAX_LENGTH + "}");

    public IdempotencyKey {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("an idempotency key is 1-" + MAX_LENGTH + " visible ASCII characters");
        }
    }

    /** Whether {@code text} would make a key (the edge answers 400 instead of letting the guard throw). */
    public static boolean valid(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
