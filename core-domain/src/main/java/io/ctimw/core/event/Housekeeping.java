package io.ctimw.core.event;

import io.ctimw.core.port.in.MaintenanceUseCase;
import io.ctimw.core.port.out.AuditArchive;
import io.ctimw.core.port.out.EventStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * Periodic chores: expire idle sessions; drop events, audit entries, request log lines and ledger entries past their
 * retention; write delivery positions behind. Each kind of chore fails on its own: a failure of one
 * does not keep the others from running (nor their tables from growing).
 */
public final class Housekeeping implements MaintenanceUseCase {
    private static final System.Logger LOG = System.getLogger(Housekeeping.class.getName());

    private final IntSupplier expireSessions;
    private final DeliveryPositions positions;
    private final EventStore events;
    private final Clock clock;
    private final Duration retention;
    private final AuditArchive audit;
    private final Duration auditRetention;
    private final IntSupplier purgeRequests;
    private final IntSupplier purgeCommands;

    /**
     * @param expireSessions ends sessions past their timeouts (releasing their phones); returns how many
     * @param audit the stored audit trail, or null when there is none
     * @param purgeRequests deletes request log lines past their retention; returns how many
     * @param purgeCommands deletes command ledger entries past their retention; returns how many
     */
    public Housekeeping(IntSupplier expireSessions, DeliveryPositions positions, EventStore events, Clock clock,
                        Duration retention, AuditArchive audit, Duration auditRetention, IntSupplier purgeRequests,
                        IntSupplier purgeCommands) {
        this.expireSessions = expireSessions;
        this.positions = positions;
        this.events = events;
        this.clock = clock;
        this.retention = retention;
        this.audit = audit;
        this.auditRetention = auditRetention;
        this.purgeRequests = purgeRequests;
        this.purgeCommands = purgeCommands;
    }

    public Housekeeping(IntSupplier expireSessions, DeliveryPositions positions, EventStore events, Clock clock,
                        Duration retention, AuditArchive audit, Duration auditRetention, IntSupplier purgeRequests) {
        this(expireSessions, positions, events, clock, retention, audit, auditRetention, purgeRequests, () -> 0);
    }

    public Housekeeping(IntSupplier expireSessions, DeliveryPositions positions, EventStore events, Clock clock,
                        Duration retention, AuditArchive audit, Duration auditRetention) {
        this(expireSessions, positions, events, clock, retention, audit, auditRetention, () -> 0);
    }

    public Housekeeping(IntSupplier expireSessions, DeliveryPositions positions, EventStore events, Clock clock,
                        Duration retention, IntSupplier purgeRequests) {
        this(expireSessions, positions, events, clock, retention, null, null, purgeRequests);
    }

    public Housekeeping(IntSupplier expireSessions, DeliveryPositions positions, EventStore events, Clock clock,
                        Duration retention) {
        this(expireSessions, positions, events, clock, retention, null, null, () -> 0);
    }

    /** One round; failures are logged and the next round tries again. */
    @Override
    public void housekeeping() {
        chore("sessions and events", () -> {
            int expired = expireSessions.getAsInt();
            int purged = events.deleteReceivedBefore(clock.instant().minus(retention));
            if (expired > 0 || purged > 0) {
                LOG.log(Level.INFO, "housekeeping: {0} sessions expired, {1} events past retention deleted",
                        expired, purged);
            }
        });
        if (audit != null) {
            chore("audit retention", () -> report("audit entries",
                    audit.deleteRecordedBefore(clock.instant().minus(auditRetention))));
        }
        chore("request log retention", () -> report("request log lines", purgeRequests.getAsInt()));
        chore("command ledger retention", () -> report("command ledger entries", purgeCommands.getAsInt()));
    }

    private static void report(String what, int deleted) {
        if (deleted > 0) {
            LOG.log(Level.INFO, "housekeeping: {0} {1} past retention deleted", deleted, what);
        }
    }

    private static void chore(String name, Runnable chore) {
        try {
            chore.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "housekeeping: {0} failed this round: {1}", name, e.toString());
        }
    }

    @Override
    public void flushDeliveryPositions() {
        positions.flush();
    }
}
