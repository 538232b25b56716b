package io.ctimw.core.health;

import io.ctimw.core.model.CoreCounters;
import io.ctimw.core.port.in.MonitoringUseCase;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/** Reads the counters the journal and the link already keep; nothing here counts on its own. */
public final class Monitoring implements MonitoringUseCase {
    /** Where each figure comes from (the journal, the gateway, the attachments). */
    public record Sources(LongSupplier received, LongSupplier stored, LongSupplier quarantined,
                          IntSupplier buffered, BooleanSupplier linkUp, IntSupplier attachedPhones) {}

    private final Sources sources;
    private final Set<String> commandNames;

    public Monitoring(Sources sources, Set<String> commandNames) {
        this.sources = sources;
        this.commandNames = Set.copyOf(commandNames);
    }

    @Override
    public CoreCounters counters() {
        return new CoreCounters(sources.received().getAsLong(), sources.stored().getAsLong(),
                sources.quarantined().getAsLong(), Math.max(0, sources.buffered().getAsInt()),
                sources.linkUp().getAsBoolean(), sources.attachedPhones().getAsInt());
    }

    @Override
    public Set<String> commandNames() {
        return commandNames;
    }
}
