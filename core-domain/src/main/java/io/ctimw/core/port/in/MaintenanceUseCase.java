package io.ctimw.core.port.in;

/** The app's scheduled chores, run from its own timer. */
public interface MaintenanceUseCase {
    /** Expires idle sessions and deletes events past retention; logs and survives a failed round. */
    void housekeeping();

    /**
     * Writes the delivery positions handed out since the last call (the app runs it every second);
     * throws when the store is down, and the next call tries again.
     */
    void flushDeliveryPositions();
}
