package io.ctimw.core.event;

import io.ctimw.core.port.in.MaintenanceUseCase;
import io.ctimw.core.port.out.EventStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * Periodic chores: expire idle sessions, drop events (and request log lines) past retention, write
 * delivery positions behind.
 */
public final class Housekeeping implements MaintenanceUseCase {
    private static final System.Logger LOG = System.getLogger(Housekeeping.class.getName());

    private final IntSupplier expireSessions;
    private final DeliveryPositions positions;
    private final EventStore events;
    private final Clock clock;
    private final Duration retention;
    private final IntSupplier purgeRequests;

    /** @param expireSessions ends sessions past their timeouts (releasing their phones); returns how many */
    public Housekeeping(IntSupplier expireSessions, DeliveryPositions positions, EventStore events, Clock clock,
                        Duration retention) {
        this(expireSessions, positions, events, clock, retention, () -> 0);
    }

    /** @param purgeRequests deletes request log lines past their retention; returns how many */
    public Housekeeping(IntSupplier expireSessions, DeliveryPositions positions, EventStore events, Clock clock,
                        Duration retention, IntSupplier purgeRequests) {
        this.purgeRequests = purgeRequests;
        this.expireSessions = expireSessions;
        this.positions = positions;
        this.events = events;
        this.clock = clock;
        this.retention = retention;
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
            int requests = purgeRequests.getAsInt();
            if (requests > 0) {
                LOG.log(Level.INFO, "housekeeping: {0} request log lines past retention deleted", requests);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "housekeeping round failed: {0}", e.toString());
        }
    }

    @Override
    public void flushDeliveryPositions() {
        positions.flush();
    }
}
