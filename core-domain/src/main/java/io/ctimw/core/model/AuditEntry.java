package io.ctimw.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit trail: a security event or an administrator's action. {@code actor} is who did it
 * (null when nobody is authenticated, e.g. a failed login), {@code address} the client address when known,
 * {@code target} what it was done to (a login, a setting, a cid), {@code before}/{@code after} the state
 * around a change and {@code detail} anything else; all but {@code at} and {@code action} may be null.
 * Never a password, a token or a hash.
 */
public record AuditEntry(Instant at, AuditAction action, Login actor, String address, String target,
                         String before, String after, String detail) {
    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
    }

    /** A security event: who tried what, and on what. */
    public static AuditEntry event(Instant at, AuditAction action, Login actor, String address, String target,
                                   String detail) {
        return new AuditEntry(at, action, actor, address, target, null, null, detail);
    }
}
