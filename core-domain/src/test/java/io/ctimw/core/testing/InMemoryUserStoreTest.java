package io.ctimw.core.testing;

import io.ctimw.core.port.out.SessionStore;
import io.ctimw.core.port.out.UserStore;

/** Runs the {@link UserStoreContract} against the in-memory fake, so the fake stays honest. */
class InMemoryUserStoreTest extends UserStoreContract {
    private InMemorySessionStore sessions;

    @Override
    protected UserStore newEmptyStore() {
        sessions = new InMemorySessionStore();
        return new InMemoryUserStore(sessions);
    }

    @Override
    protected SessionStore sessionStore() {
        return sessions;
    }
}
