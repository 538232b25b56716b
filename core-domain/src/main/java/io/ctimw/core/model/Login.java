package io.ctimw.core.model;

import java.util.regex.Pattern;

/** An operator's account name in the contact center; the key every event and command is routed by. */
public record Login(String value) implements Comparable<Login> {
    public static final int MAX_LENGTH = 64;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._@+-]{1," + MAX_LENGTH + "}");

    public Login {
        if (value == null || !ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "login must be 1-" + MAX_LENGTH + " characters of letters, digits and . _ @ + -");
        }
    }

    /** True when the text would make a valid login; lets the edges validate without exceptions. */
    public static boolean isValid(String value) {
        return value != null && ALLOWED.matcher(value).matches();
    }

    @Override
    public int compareTo(Login other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
