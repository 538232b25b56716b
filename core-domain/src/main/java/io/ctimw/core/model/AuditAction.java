package io.ctimw.core.model;

import java.util.Locale;

/** What an audit entry records. Security events first, then administrators' changes. */
public enum AuditAction {
    LOGIN_FAILED, LOGIN_THROTTLED, FORBIDDEN_METHOD, FOREIGN_CALL, ADMIN_DENIED,
    USER_ADDED, USER_CHANGED, SESSION_ENDED, SETTINGS_CHANGED, LOGIN_THROTTLE_RESET;

    /** The name on the wire and in the database: {@code login-failed}, {@code user-changed}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return wireName();
    }
}
