package io.ctimw.app.middleware;

import io.ctimw.adapters.postgres.BufferedAuditTrail;
import io.ctimw.adapters.postgres.JdbiAuditArchive;
import io.ctimw.core.model.AuditEntry;
import io.ctimw.core.port.out.AuditTrail;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail as the app keeps it: every entry as a log line (logger {@code audit}) and in the
 * database. The log line is written first and does not depend on the database, so an entry the
 * database never gets (buffer full, stop during an outage) is still on record.
 */
final class AuditTrails {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrails.class);
    /** Entries waiting for the database; an hour-long outage of a busy site's failed logins fits. */
    static final int BUFFER = 10_000;
    static final int BATCH = 200;

    private AuditTrails() {
    }

    /** The server's trail: stored in batches by a writer thread; close it (drain) before the database. */
    static BufferedAuditTrail buffered(JdbiAuditArchive archive) {
        return new BufferedAuditTrail(archive, BUFFER, BATCH, System::nanoTime).start();
    }

    /** The {@code users} command's trail: a short-lived process stores each entry at once. */
    static AuditTrail direct(JdbiAuditArchive archive) {
        return entry -> archive.append(List.of(entry));
    }

    /** Records in each trail in turn; one that fails neither stops the others nor fails the caller. */
    static AuditTrail both(AuditTrail first, AuditTrail second) {
        return entry -> {
            recordSafely(first, entry);
            recordSafely(second, entry);
        };
    }

    private static void recordSafely(AuditTrail trail, AuditEntry entry) {
        try {
            trail.record(entry);
        } catch (RuntimeException e) {
            LOG.warn("audit entry {} not recorded in one of its trails: {}", entry.action(), e.toString());
        }
    }
}
