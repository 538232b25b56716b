package io.ctimw.core.testing;

import io.ctimw.core.model.AuditAction;
import io.ctimw.core.model.AuditEntry;
import io.ctimw.core.port.out.AuditTrail;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every audit entry in memory, in order, for tests to inspect. */
public final class InMemoryAuditTrail implements AuditTrail {
    private final List<AuditEntry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void record(AuditEntry entry) {
        entries.add(entry);
    }

    public List<AuditEntry> entries() {
        return List.copyOf(entries);
    }

    public List<AuditEntry> of(AuditAction action) {
        return entries.stream().filter(e -> e.action() == action).toList();
    }
}
