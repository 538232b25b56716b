package io.ctimw.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ctimw.adapters.postgres.testing.TestDatabase;
import io.ctimw.core.model.AuditAction;
import io.ctimw.core.model.AuditEntry;
import io.ctimw.core.model.AuditQuery;
import io.ctimw.core.model.Login;
import io.ctimw.core.port.out.AuditArchive;
import io.ctimw.core.testing.AuditArchiveContract;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@link AuditArchiveContract} against real PostgreSQL, and what only a database can get wrong. */
class JdbiAuditArchiveTest extends AuditArchiveContract {
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
    protected AuditArchive newEmptyArchive() {
        db.jdbi().useHandle(h -> h.execute("truncate audit_trail restart identity"));
        return new JdbiAuditArchive(db.jdbi());
    }

    @Test
    void aNulCharacterInAClientSuppliedCidIsStoredReplacedInsteadOfRefusingTheBatch() {
        AuditArchive archive = newEmptyArchive();
        Instant at = Instant.parse("2026-03-01T08:00:00Z");
        archive.append(List.of(AuditEntry.event(at, AuditAction.FOREIGN_CALL, new Login("bob"), null, "c\0d", "Hangup")));

        assertEquals("c\uFFFDd", archive.page(AuditQuery.newest(1)).entries().get(0).entry().target());
    }
}
