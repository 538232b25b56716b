package io.ctimw.core.model;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * Which audit entries to read, newest first: every filter may be null (no filter); {@code from} is
 * inclusive and {@code to} exclusive; {@code before} continues a listing below the entry with that id.
 */
public record AuditQuery(AuditAction action, Login actor, String target, Instant from, Instant to, int limit,
                         OptionalLong before) {
    public static final int MAX_LIMIT = 500;
    public static final int MAX_TARGET_LENGTH = 256;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT);
        }
        if (target != null && (target.isEmpty() || target.length() > MAX_TARGET_LENGTH)) {
            throw new IllegalArgumentException("target must be 1-" + MAX_TARGET_LENGTH + " characters");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        if (before == null || before.isPresent() && before.getAsLong() < 1) {
            throw new IllegalArgumentException("before must be empty or a positive id");
        }
    }

    /** The newest {@code limit} entries, unfiltered. */
    public static AuditQuery newest(int limit) {
        return new AuditQuery(null, null, null, null, null, limit, OptionalLong.empty());
    }

    /** Whether an entry passes the filters (not the paging); the in-memory archive's and the tests' reading. */
    public boolean matches(AuditEntry e) {
        return (action == null || action == e.action())
                && (actor == null || actor.equals(e.actor()))
                && (target == null || target.equals(e.target()))
                && (from == null || !e.at().isBefore(from))
                && (to == null || e.at().isBefore(to));
    }
}
