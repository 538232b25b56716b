package io.ctimw.adapters.postgres;

/**
 * The database could not be used at startup (unreachable, login refused, migration failed). Its
 * message is meant to be the one line an operator reads, e.g.
 * {@code cannot reach PostgreSQL at jdbc:postgresql://db:5432/cti: Connection refused}.
 */
public class PostgresStartupException extends RuntimeException {
    public PostgresStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
