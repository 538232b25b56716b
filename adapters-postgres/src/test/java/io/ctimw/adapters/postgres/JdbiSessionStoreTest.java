package io.ctimw.adapters.postgres;

import io.ctimw.adapters.postgres.testing.TestDatabase;
import io.ctimw.core.port.out.SessionStore;
import io.ctimw.core.testing.SessionStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@link SessionStoreContract} against real PostgreSQL. */
class JdbiSessionStoreTest extends SessionStoreContract {
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
    protected SessionStore newEmptyStore() {
        db.truncate();
        return new JdbiSessionStore(db.jdbi());
    }
}
