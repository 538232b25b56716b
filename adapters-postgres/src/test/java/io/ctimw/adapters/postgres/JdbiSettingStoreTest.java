package io.ctimw.adapters.postgres;

import io.ctimw.adapters.postgres.testing.TestDatabase;
import io.ctimw.core.port.out.SettingStore;
import io.ctimw.core.testing.SettingStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@link SettingStoreContract} against real PostgreSQL (the table comes from migration V8). */
class JdbiSettingStoreTest extends SettingStoreContract {
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
    protected SettingStore newEmptyStore() {
        db.jdbi().useHandle(h -> h.execute("truncate settings"));
        return new JdbiSettingStore(db.jdbi());
    }
}
