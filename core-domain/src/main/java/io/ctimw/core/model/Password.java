package io.ctimw.core.model;

/** A clear-text password on its way to the hasher; never printed. */
public record Password(String value) {
    /** bcrypt reads at most 72 bytes; longer secrets would be silently truncated, so refuse them. */
    public static final int MAX_BYTES = 72;
    public static final int MIN_LENGTH = 8;

    public Password {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("password must not be empty");
        }
        if (value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("password must be at most " + MAX_BYTES + " bytes");
        }
    }

    /** The stricter rule for new passwords set by an administrator. */
    public Password requireStrongEnough() {
        if (value.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("password must be at least " + MIN_LENGTH + " characters");
        }
        return this;
    }

    @Override
    public String toString() {
        return "Password[***]";
    }
}
