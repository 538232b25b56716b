package io.ctimw.adapters.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Strict reading of a query string for the admin listings: an unknown or repeated parameter, or a value
 * that is not exactly what the parameter takes, is a 400 whose {@code parameter} member names it.
 */
final class QueryParams {
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

    private final Map<String, List<String>> params;

    private QueryParams(Map<String, List<String>> params) {
        this.params = params;
    }

    /** @throws ProblemException for a parameter not in {@code known} or given more than once */
    static QueryParams of(Map<String, List<String>> params, List<String> known) {
        Set<String> allowed = Set.copyOf(known);
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            if (!allowed.contains(param.getKey())) {
                throw bad(param.getKey(), "unknown query parameter '" + param.getKey() + "'; "
                        + (known.isEmpty() ? "this endpoint takes none" : "allowed: " + String.join(", ", known)));
            }
            if (param.getValue().size() != 1) {
                throw bad(param.getKey(), "query parameter '" + param.getKey() + "' given more than once");
            }
        }
        return new QueryParams(params);
    }

    /** The value as given, or null when absent; an empty value is a 400 (absent and empty must not mean the same). */
    String text(String name) {
        List<String> values = params.get(name);
        if (values == null) {
            return null;
        }
        String value = values.get(0);
        if (value.isEmpty()) {
            throw bad(name, name + " must not be empty; leave it out instead");
        }
        return value;
    }

    long integer(String name, long min, long max, long absent) {
        String text = text(name);
        if (text == null) {
            return absent;
        }
        String range = name + " must be an integer from " + min + " to " + max;
        if (!DIGITS.matcher(text).matches()) {
            throw bad(name, range);
        }
        try {
            long value = Long.parseLong(text);
            if (value < min || value > max) {
                throw bad(name, range);
            }
            return value;
        } catch (NumberFormatException overflow) {
            throw bad(name, range);
        }
    }

    /** An ISO-8601 time with its offset ({@code 2026-03-01T08:00:00Z}, {@code ...+01:00}), or null when absent. */
    Instant instant(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw bad(name, name + " must be an ISO-8601 time with an offset, e.g. 2026-03-01T08:00:00Z");
        }
    }

    static ProblemException bad(String parameter, String detail) {
        return new ProblemException(Problem.of(ProblemType.BAD_REQUEST, detail).with("parameter", parameter));
    }
}
