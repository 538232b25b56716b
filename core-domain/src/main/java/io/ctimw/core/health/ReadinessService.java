package io.ctimw.core.health;

import io.ctimw.core.model.Readiness;
import io.ctimw.core.port.in.ReadinessUseCase;
import io.ctimw.core.port.out.CtiGateway;
import io.ctimw.core.port.out.EventStore;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/** Answers readiness probes from a live database round trip and the link's own state. */
public final class ReadinessService implements ReadinessUseCase {
    private final EventStore store;
    private final CtiGateway gateway;
    private final IntSupplier bufferedEvents;
    private final IntSupplier reachablePhones;
    private final LongSupplier quarantined;
    private final LongSupplier quarantineFailures;
    private final LongSupplier unlogged;

    /**
     * @param bufferedEvents  events received but not yet stored
     * @param reachablePhones phones attached and reachable now
     * @param quarantined     events the store refused and that went to its quarantine, since start
     * @param quarantineFailures events refused by the store and by its quarantine, since start
     * @param unlogged        events the intake log could not record since start (kept in memory only)
     */
    public ReadinessService(EventStore store, CtiGateway gateway, IntSupplier bufferedEvents,
                            IntSupplier reachablePhones, LongSupplier quarantined, LongSupplier quarantineFailures,
                            LongSupplier unlogged) {
        this.store = store;
        this.gateway = gateway;
        this.bufferedEvents = bufferedEvents;
        this.reachablePhones = reachablePhones;
        this.quarantined = quarantined;
        this.quarantineFailures = quarantineFailures;
        this.unlogged = unlogged;
    }

    @Override
    public Readiness check() {
        boolean database;
        try {
            store.ping();
            database = true;
        } catch (RuntimeException e) {
            database = false;
        }
        return new Readiness(database, gateway.isReady(), bufferedEvents.getAsInt(), reachablePhones.getAsInt(),
                quarantined.getAsLong(), quarantineFailures.getAsLong(), unlogged.getAsLong());
    }
}
