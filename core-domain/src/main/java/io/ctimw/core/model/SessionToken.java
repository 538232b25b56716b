package io.ctimw.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The bearer secret handed to an agent at login. Only its SHA-256 ({@link TokenHash}) is ever stored. */
public record SessionToken(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{32,128}");

    public SessionToken {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("malformed session token");
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    /** A high-entropy token has no need of a slow hash: SHA-256 is enough and keeps lookups cheap. */
    public TokenHash hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return new TokenHash(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "SessionToken[***]";
    }
}
