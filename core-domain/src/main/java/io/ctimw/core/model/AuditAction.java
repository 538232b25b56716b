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

    /** The action with this wire name, or empty for a name no action has. */
    public static java.util.Optional<AuditAction> fromWireName(String wire) {
        for (AuditAction a : values()) {
            if (a.wireName().equals(wire)) {
                return java.util.Optional.of(a);
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return wireName();
    }
}
