package io.ctimw.core.testing;

import io.ctimw.core.port.out.SessionStore;

/** Runs the {@link SessionStoreContract} against the in-memory fake, so the fake stays honest. */
class InMemorySessionStoreTest extends SessionStoreContract {
    @Override
    protected SessionStore newEmptyStore() {
        return new InMemorySessionStore();
    }
}
