package io.ctimw.core.model;

/**
 * Whether the service can do its job: the database answers and the CTI link is initialised.
 * {@code attachedPhones} counts phones attached and reachable now.
 */
public record Readiness(boolean database, boolean cti, int bufferedEvents, int attachedPhones) {
    public boolean ready() {
        return database && cti;
    }
}
