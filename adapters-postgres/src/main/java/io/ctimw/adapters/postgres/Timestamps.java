package io.ctimw.adapters.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Instant <-> timestamptz without the JVM's default time zone getting a say. */
final class Timestamps {
    private Timestamps() {
    }

    /** timestamptz keeps microseconds; truncating here makes the stored value predictable (no rounding). */
    static OffsetDateTime toDb(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    /** ISO-8601 text PostgreSQL parses as timestamptz; Instant's form always has seconds and a Z. */
    static String toDbText(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).toString();
    }

    static Instant read(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
