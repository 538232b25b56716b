package io.ctimw.adapters.postgres;

import io.ctimw.adapters.postgres.testing.TestDatabase;
import io.ctimw.core.port.out.SessionStore;
import io.ctimw.core.port.out.UserStore;
import io.ctimw.core.testing.UserStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@link UserStoreContract} against real PostgreSQL. */
class JdbiUserStoreTest extends UserStoreContract {
    private static TestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Override
    protected UserStore newEmptyStore() {
        db.truncate();
        return new JdbiUserStore(db.jdbi());
    }

    @Override
    protected SessionStore sessionStore() {
        return new JdbiSessionStore(db.jdbi());
    }
}
