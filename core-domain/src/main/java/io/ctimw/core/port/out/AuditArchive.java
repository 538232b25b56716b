package io.ctimw.core.port.out;

import io.ctimw.core.model.AuditEntry;
import io.ctimw.core.model.AuditPage;
import io.ctimw.core.model.AuditQuery;
import java.time.Instant;
import java.util.List;

/**
 * The stored audit trail: written in batches off the callers' threads (the {@link AuditTrail} in front of it
 * buffers), read by administrators, thinned by retention. Throws {@link StoreUnavailableException} when down.
 */
public interface AuditArchive {
    /** Stores the entries in this order, all or none. */
    void append(List<AuditEntry> entries);

    /** Entries matching the query, newest first (by time, then by id). */
    AuditPage page(AuditQuery query);

    /** Deletes entries recorded before {@code cutoff}; returns how many. */
    int deleteRecordedBefore(Instant cutoff);
}
