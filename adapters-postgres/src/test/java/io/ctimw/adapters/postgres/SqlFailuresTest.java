package io.ctimw.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures count as "database unreachable" (and so become StoreUnavailableException). */
class SqlFailuresTest {
    @Test
    void connectionClassAndShutdownStatesAreUnreachable() {
        for (String state : new String[] {"08000", "08001", "08003", "08006", "57P01", "57P02", "57P03"}) {
            assertTrue(SqlFailures.isUnreachable(new RuntimeException(new SQLException("x", state))), state);
        }
    }

    @Test
    void poolTimeoutsAndSocketErrorsAreUnreachableEvenWhenWrapped() {
        assertTrue(SqlFailures.isUnreachable(new ConnectionException(
                new SQLTransientConnectionException("cti-postgres - Connection is not available"))));
        assertTrue(SqlFailures.isUnreachable(new RuntimeException(new SQLException("refused", "08001",
                new ConnectException("Connection refused")))));
    }

    @Test
    void otherSqlErrorsAreNot() {
        for (String state : new String[] {"23505", "42P01", "22P02", "40001", "57014"}) {
            assertFalse(SqlFailures.isUnreachable(new RuntimeException(new SQLException("x", state))), state);
        }
        assertFalse(SqlFailures.isUnreachable(new IllegalStateException("bug")));
    }

    @Test
    void uniqueViolationsAreRecognisedThroughWrappers() {
        assertTrue(SqlFailures.isUniqueViolation(new RuntimeException(new SQLException("dup", "23505"))));
        assertFalse(SqlFailures.isUniqueViolation(new RuntimeException(new SQLException("fk", "23503"))));
    }

    @Test
    void dataIntegrityAndLimitErrorsMeanTheDataIsRefused() {
        for (String state : new String[] {"22021", "22P05", "22023", "22001", "23505", "23502", "54000"}) {
            assertTrue(SqlFailures.isRefusedData(new RuntimeException(new SQLException("x", state))), state);
        }
    }

    @Test
    void unreachableTransientAndProgrammingErrorsAreNotRefusedData() {
        for (String state : new String[] {"08006", "57P01", "40001", "40P01", "42P01", "57014", "53300", "XX000"}) {
            assertFalse(SqlFailures.isRefusedData(new RuntimeException(new SQLException("x", state))), state);
        }
        assertFalse(SqlFailures.isRefusedData(new RuntimeException(new SQLException("no state"))));
        assertFalse(SqlFailures.isRefusedData(new IllegalStateException("bug")));
    }

    @Test
    void theRefusalReasonIsTheStateAndFirstLineOnlySafeToStore() {
        SQLException refused = new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00\n"
                + "  Where: unnamed portal parameter $2 = '...'", "22021");
        assertEquals("22021: ERROR: invalid byte sequence for encoding \"UTF8\": 0x00",
                SqlFailures.refusalReason(new RuntimeException(refused)));
        String reason = SqlFailures.refusalReason(new SQLException("a\0b" + "x".repeat(500), "22000"));
        assertEquals(200, reason.length());
        assertFalse(reason.contains("\0"), reason);
    }

    @Test
    void theRootMessageIsTheInnermostOne() {
        assertEquals("Connection refused", SqlFailures.rootMessage(
                new RuntimeException("outer", new SQLException("middle", "08001", new ConnectException("Connection refused")))));
    }
}
