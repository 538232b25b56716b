package io.ctimw.core.port.in;

/**
 * The caller is authenticated but may not do this: its grants do not cover the method, or it is not an
 * administrator. Thrown before anything is sent to the CTI or changed; {@link #missing()} names what the
 * caller lacks ({@code control:Answer}, {@code events}, {@code role admin}).
 */
public final class AccessDeniedException extends RuntimeException {
    private final String missing;

    public AccessDeniedException(String missing) {
        super("missing " + missing, null, false, false);
        this.missing = missing;
    }

    public String missing() {
        return missing;
    }
}
