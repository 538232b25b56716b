package io.ctimw.core.testing;

import io.ctimw.core.port.out.EventStore;

/** Runs the {@link EventStoreContract} against the in-memory fake, so the fake stays honest. */
class InMemoryEventStoreTest extends EventStoreContract {
    @Override
    protected EventStore newEmptyStore() {
        return new InMemoryEventStore();
    }
}
