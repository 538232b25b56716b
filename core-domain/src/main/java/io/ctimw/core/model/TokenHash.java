package io.ctimw.core.model;

import java.util.regex.Pattern;

/** The stored form of a session token (hex SHA-256); logs show only its first characters. */
public record TokenHash(String hex) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public TokenHash {
        if (hex == null || !HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("token hash must be 64 lowercase hex characters");
        }
    }

    /** A short, non-secret tag an operator can correlate in logs. */
    public String tag() {
        return hex.substring(0, 8);
    }

    @Override
    public String toString() {
        return "TokenHash[" + tag() + "…]";
    }
}
