package io.ctimw.core.testing;

import io.ctimw.core.port.out.UserStore;

/** Runs the {@link UserStoreContract} against the in-memory fake, so the fake stays honest. */
class InMemoryUserStoreTest extends UserStoreContract {
    @Override
    protected UserStore newEmptyStore() {
        return new InMemoryUserStore();
    }
}
