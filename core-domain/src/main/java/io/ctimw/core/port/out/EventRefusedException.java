package io.ctimw.core.port.out;

/**
 * Thrown by the {@link EventStore} when the database refuses the data itself (a NUL character, an
 * invalid value, a broken constraint), as opposed to not being reachable: the same batch would be
 * refused again, so retrying it is pointless. The batch was not stored, not even in part.
 * {@link #getMessage()} is the database's reason, safe to log (no payload beyond what the database said).
 */
public class EventRefusedException extends RuntimeException {
    public EventRefusedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
