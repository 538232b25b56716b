package io.ctimw.core.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A position in the request log, newest first: lines strictly older than ({@code at}, {@code id}). Written
 * as {@code <epoch microseconds>-<id>} so a client passes it back unchanged as {@code before=}.
 */
public record RequestCursor(Instant at, long id) {
    public RequestCursor {
        Objects.requireNonNull(at, "at");
        at = at.truncatedTo(ChronoUnit.MICROS);
    }

    /** @throws IllegalArgumentException when {@code text} is not a cursor this class wrote */
    public static RequestCursor parse(String text) {
        int dash = text.lastIndexOf('-');
        try {
            long micros = Long.parseLong(text.substring(0, Math.max(dash, 0)));
            long id = Long.parseLong(text.substring(dash + 1));
            if (dash <= 0 || id < 0) {
                throw new IllegalArgumentException("not a cursor");
            }
            return new RequestCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
        } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("not a cursor: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at) + "-" + id;
    }
}
