package io.ctimw.core.port.out;

import io.ctimw.core.model.AuditEntry;

/**
 * Where security events and administrators' actions are kept. Recording must not block the caller for
 * long nor fail its request: an implementation that writes to a database buffers and writes off the
 * caller's thread, and says so in the log when it cannot.
 */
public interface AuditTrail {
    void record(AuditEntry entry);
}
