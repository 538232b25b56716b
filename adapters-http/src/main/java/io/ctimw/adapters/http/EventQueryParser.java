package io.ctimw.adapters.http;

import io.ctimw.core.model.EventQuery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the query string of {@code GET /api/v1/events} into an {@link EventQuery}, refusing anything
 * ambiguous: unknown or repeated parameters, signs, blanks and out-of-range numbers are all 400.
 */
final class EventQueryParser {
    private static final Set<String> KNOWN = Set.of("after", "wait", "limit");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

    private final int defaultLimit;

    public EventQueryParser(int defaultLimit) {
        this.defaultLimit = defaultLimit;
    }

    public EventQuery parse(Map<String, List<String>> params) {
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            if (!KNOWN.contains(param.getKey())) {
                throw bad("unknown query parameter; allowed: after, wait, limit");
            }
            if (param.getValue().size() != 1) {
                throw bad("query parameter '" + param.getKey() + "' given more than once");
            }
        }
        OptionalLong after = params.containsKey("after")
                ? OptionalLong.of(number(params, "after", 0, Long.MAX_VALUE)) : OptionalLong.empty();
        long wait = params.containsKey("wait") ? number(params, "wait", 0, EventQuery.MAX_WAIT.toSeconds()) : 0;
        long limit = params.containsKey("limit") ? number(params, "limit", 1, EventQuery.MAX_LIMIT) : defaultLimit;
        return new EventQuery(after, (int) limit, Duration.ofSeconds(wait));
    }

    private static long number(Map<String, List<String>> params, String name, long min, long max) {
        String text = params.get(name).get(0);
        String range = name + " must be an integer from " + min + " to " + max;
        if (!DIGITS.matcher(text).matches()) {
            throw bad(range);
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException overflow) {
            throw bad(range);
        }
        if (value < min || value > max) {
            throw bad(range);
        }
        return value;
    }

    private static ProblemException bad(String detail) {
        return new ProblemException(ProblemType.BAD_REQUEST, detail);
    }
}
