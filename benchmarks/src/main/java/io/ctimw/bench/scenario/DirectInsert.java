package io.ctimw.bench.scenario;

import io.ctimw.bench.env.BenchDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The storage baseline: the middleware's rows (same table, login, name and payload) inserted straight
 * into PostgreSQL by one writer with batched JDBC, one transaction per batch as the middleware commits.
 */
final class DirectInsert {
    private DirectInsert() {
    }

    /** Inserts for {@code millis}; returns rows per second. */
    static double rowsPerSecond(BenchDatabase db, List<String> logins, String payload, int batch, long millis)
            throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement insert = c.prepareStatement(
                     "insert into events (login, name, payload, received_at) values (?, 'CallStatus', ?::json, ?)")) {
            c.setAutoCommit(false);
            long start = System.nanoTime();
            long end = start + millis * 1_000_000L;
            long rows = 0;
            int i = 0;
            while (System.nanoTime() < end) {
                Timestamp now = Timestamp.from(Instant.now());
                for (int k = 0; k < batch; k++) {
                    insert.setString(1, logins.get(i++ % logins.size()));
                    insert.setString(2, payload);
                    insert.setTimestamp(3, now);
                    insert.addBatch();
                }
                insert.executeBatch();
                c.commit();
                rows += batch;
            }
            return rows / ((System.nanoTime() - start) / 1e9);
        }
    }
}
