package io.ctimw.core.port.in;

import io.ctimw.core.model.CoreCounters;
import java.util.Set;

/** Operators' monitoring: the core's counters, read from memory, for a metrics adapter to publish. */
public interface MonitoringUseCase {
    CoreCounters counters();

    /**
     * The command names the catalog knows: an adapter labels what it counts with these and lumps any
     * other name together, so a client cannot invent metric labels.
     */
    Set<String> commandNames();
}
