package io.ctimw.core.testing;

import io.ctimw.core.port.out.EventStore;
import java.util.List;

/** Runs the {@link EventStoreContract} against the in-memory fake, so the fake stays honest. */
class InMemoryEventStoreTest extends EventStoreContract {
    private InMemoryEventStore store;

    @Override
    protected EventStore newEmptyStore() {
        store = new InMemoryEventStore();
        return store;
    }

    @Override
    protected List<QuarantineRow> quarantinedRows() {
        return store.quarantined();
    }
}
