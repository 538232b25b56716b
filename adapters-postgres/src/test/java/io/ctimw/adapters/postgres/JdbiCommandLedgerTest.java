package io.ctimw.adapters.postgres;

import io.ctimw.adapters.postgres.testing.TestDatabase;
import io.ctimw.core.port.out.CommandLedger;
import io.ctimw.core.testing.CommandLedgerContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@link CommandLedgerContract} against real PostgreSQL (the table comes from migration V11). */
class JdbiCommandLedgerTest extends CommandLedgerContract {
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
    protected CommandLedger newEmptyLedger() {
        db.jdbi().useHandle(h -> h.execute("truncate command_ledger"));
        return new JdbiCommandLedger(db.jdbi());
    }
}
