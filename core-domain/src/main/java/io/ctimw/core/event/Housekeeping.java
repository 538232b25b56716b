package io.ctimw.core.event;

import io.ctimw.core.port.in.MaintenanceUseCase;
import io.ctimw.core.port.out.AuditArchive;
import io.ctimw.core.port.out.EventStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.function.IntSupplier;

/** Periodic chores: expire idle sessions, drop events and audit entries past retention, write delivery positions behind. */
public final class Housekeeping implements MaintenanceUseCase {
    private static final System.Logger LOG = System.getLogger(Housekeeping.class.getName());

    private final IntSupplier expireSessions;
    private final DeliveryPositions positions;
    private final EventStore events;
    private final Clock clock;
    private final Duration retention;
    private final AuditArchive audit;
    private final Duration auditRetention;

    /** @param expireSessions ends sessions past their timeouts (releasing their phones); returns how many */
    public Housekeeping(IntSupplier expireSessions, DeliveryPositions positions, EventStore events, Clock clock,
                        Duration retention, AuditArchive audit, Duration auditRetention) {
        this.expireSessions = expireSessions;
        this.positions = positions;
        this.events = events;
        this.clock = clock;
        this.retention = retention;
        this.audit = audit;
        this.auditRetention = auditRetention;
    }

    /** One round; failures are logged and the next round tries again. */
    @Override
    public void housekeeping() {
        try {
            int expired = expireSessions.getAsInt();
            int purged = events.deleteReceivedBefore(clock.instant().minus(retention));
            if (expired > 0 || purged > 0) {
                LOG.log(Level.INFO, "housekeeping: {0} sessions expired, {1} events past retention deleted",
                        expired, purged);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "housekeeping round failed: {0}", e.toString());
        }
        pruneAudit();
    }

    // Apart from the round above, so a failure there does not keep the audit trail growing (and vice versa).
    private void pruneAudit() {
        try {
            int pruned = audit.deleteRecordedBefore(clock.instant().minus(auditRetention));
            if (pruned > 0) {
                LOG.log(Level.INFO, "housekeeping: {0} audit entries past retention deleted", pruned);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "housekeeping: audit retention failed this round: {0}", e.toString());
        }
    }

    @Override
    public void flushDeliveryPositions() {
        positions.flush();
    }
}
