package io.ctimw.bench.chaos.probe;

import io.ctimw.bench.chaos.env.ChaosStack;

/**
 * Something that goes wrong while agents follow their events under load: inflicted on a stack, then
 * healed (or waited out). A new fault (a simulator control, a network trick) is one more implementation
 * handed to {@link FaultUnderLoadProbe}, which does the event accounting for all of them.
 */
public interface Fault {
    /** The table's probe column, e.g. "middleware kill -9". */
    String name();

    /** What is done, for the table, e.g. "SIGKILL of the middleware JVM, restart after 1 s". */
    String tried();

    /** Inflicts the fault and recovers from it; returns once the service should be whole again. */
    Recovery inflict(ChaosStack stack) throws Exception;

    /**
     * Whether the fault kills the middleware's end of the CTI connection without a close: the simulator then
     * queues frames into a connection whose reader is already gone until it notices (the dying process's
     * sockets close only when the kernel has torn it down). Those frames cannot be read by any middleware
     * (the CTI protocol has no acknowledgements and keeps no history), so the target counts only what was
     * queued before the fault struck.
     */
    default boolean killsTheReader() {
        return false;
    }
}
