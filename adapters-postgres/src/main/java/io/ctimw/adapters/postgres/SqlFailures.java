package io.ctimw.adapters.postgres;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The one place that decides what a JDBC failure means: "the database cannot be reached" (retry
 * later) or "the database refuses this data" (retrying the same data is pointless).
 */
final class SqlFailures {
    /** admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down). */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");
    private static final String UNIQUE_VIOLATION = "23505";
    /**
     * SQLState classes that blame the data: 22 data exception (a NUL byte, an invalid value, a value too
     * long), 23 integrity constraint violation, 54 program limit exceeded (a value too large to store).
     */
    private static final Set<String> REFUSED_DATA_CLASSES = Set.of("22", "23", "54");
    private static final int MAX_REASON = 200;

    private SqlFailures() {
    }

    /** True when anything in the cause chain says the server is down, gone or out of reach. */
    static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException // HikariCP: no connection within connectionTimeout
                    || t instanceof ConnectException
                    || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException
                    || t instanceof SocketTimeoutException
                    || t instanceof EOFException
                    || t instanceof SocketException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || SERVER_GOING_AWAY.contains(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when the database answered and refused the data itself; never true for an unreachable database. */
    static boolean isRefusedData(Throwable failure) {
        return !isUnreachable(failure) && refusal(failure) != null;
    }

    /**
     * The database's reason for refusing, safe to log and to store: the SQLState and the primary message
     * only (not the detail, which may quote the data), on one line, at most 200 characters.
     */
    static String refusalReason(Throwable failure) {
        SQLException refusal = refusal(failure);
        if (refusal == null) {
            return printable(rootMessage(failure), MAX_REASON);
        }
        ServerErrorMessage server = refusal instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String message = server != null && server.getMessage() != null ? server.getMessage()
                : String.valueOf(refusal.getMessage()).lines().findFirst().orElse("");
        return printable(refusal.getSQLState() + ": " + message, MAX_REASON);
    }

    private static SQLException refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() == 5
                    && REFUSED_DATA_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
                return sql;
            }
        }
        return null;
    }

    /** {@code text} on one line without control characters (which a text column may refuse), cut to {@code max}. */
    static String printable(String text, int max) {
        String flat = text.replaceAll("\\p{Cntrl}+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 3) + "...";
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message, which is usually the one that names the real problem. */
    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
