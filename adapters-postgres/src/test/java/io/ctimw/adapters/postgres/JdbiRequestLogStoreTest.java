package io.ctimw.adapters.postgres;

import io.ctimw.adapters.postgres.testing.TestDatabase;
import io.ctimw.core.port.out.RequestLogStore;
import io.ctimw.core.testing.RequestLogStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@link RequestLogStoreContract} against real PostgreSQL. */
class JdbiRequestLogStoreTest extends RequestLogStoreContract {
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
    protected RequestLogStore newEmptyStore() {
        db.truncate();
        return new JdbiRequestLogStore(db.jdbi());
    }
}
