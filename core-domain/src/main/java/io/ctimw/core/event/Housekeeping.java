package io.ctimw.core.event;

import io.ctimw.core.auth.SessionService;
import io.ctimw.core.port.out.EventStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;

/** Periodic chores: expire idle sessions (releasing their phones) and drop events past retention. */
public final class Housekeeping {
    private static final System.Logger LOG = System.getLogger(Housekeeping.class.getName());

    private final SessionService sessions;
    private final EventStore events;
    private final Clock clock;
    private final Duration retention;

    public Housekeeping(SessionService sessions, EventStore events, Clock clock, Duration retention) {
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
        this.retention = retention;
    }

    /** One round; failures are logged and the next round tries again. */
    public void run() {
        try {
            int expired = sessions.expireSessions();
            int purged = events.deleteReceivedBefore(clock.instant().minus(retention));
            if (expired > 0 || purged > 0) {
                LOG.log(Level.INFO, "housekeeping: {0} sessions expired, {1} events past retention deleted",
                        expired, purged);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "housekeeping round failed: {0}", e.toString());
        }
    }
}
