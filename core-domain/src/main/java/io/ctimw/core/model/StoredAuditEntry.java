package io.ctimw.core.model;

import java.util.Objects;

/** An audit entry as kept: {@code id} grows with every entry stored and pages a listing ({@code before}). */
public record StoredAuditEntry(long id, AuditEntry entry) {
    public StoredAuditEntry {
        if (id < 1) {
            throw new IllegalArgumentException("id must be positive");
        }
        Objects.requireNonNull(entry, "entry");
    }
}
