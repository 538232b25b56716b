package io.ctimw.bench.chaos;

/** One reliability probe: does something hostile to the service and measures what it did. */
public interface Probe {
    /** The table's first column. */
    String name();

    ProbeResult run(ChaosContext ctx) throws Exception;

    /** Whether it runs on {@link ChaosContext#shared()}; before the first probe that does not, the shared stack stops. */
    default boolean usesSharedStack() {
        return false;
    }
}
