package io.ctimw.core.testing;

import io.ctimw.core.port.out.RequestLogStore;

/** The in-memory fake keeps the contract the PostgreSQL store keeps. */
class InMemoryRequestLogStoreTest extends RequestLogStoreContract {
    @Override
    protected RequestLogStore newEmptyStore() {
        return new InMemoryRequestLogStore();
    }
}
