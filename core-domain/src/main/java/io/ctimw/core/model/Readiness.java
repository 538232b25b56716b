package io.ctimw.core.model;

/**
 * Whether the service can do its job: the database answers and the CTI link is initialised.
 * {@code attachedPhones} counts phones attached and reachable now. {@code quarantinedEvents} counts
 * events the database refused since start (kept in its quarantine table), {@code quarantineFailures}
 * those it refused even there (only the log names them); {@code unloggedEvents} counts events the intake
 * log could not record (disk full: a crash before they are stored would lose them). None of them affects
 * readiness; all want a look.
 */
public record Readiness(boolean database, boolean cti, int bufferedEvents, int attachedPhones,
                        long quarantinedEvents, long quarantineFailures, long unloggedEvents) {
    public Readiness(boolean database, boolean cti, int bufferedEvents, int attachedPhones) {
        this(database, cti, bufferedEvents, attachedPhones, 0, 0, 0);
    }

    public boolean ready() {
        return database && cti;
    }
}
