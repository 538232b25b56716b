package io.ctimw.adapters.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Where a stream starts and how it is encoded, read strictly: {@code ?after=} or the {@code Last-Event-ID}
 * header an EventSource sends when it reconnects (not both), each an integer ≥ 0; anything else is a 400
 * whose {@code parameter} member names the culprit.
 */
final class StreamStart {
    static final String LAST_EVENT_ID = "Last-Event-ID";
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

    private StreamStart() {
    }

    static OptionalLong after(Map<String, List<String>> query, String lastEventId) {
        long after = QueryParams.of(query, List.of("after")).integer("after", 0, Long.MAX_VALUE, -1);
        if (lastEventId == null) {
            return after < 0 ? OptionalLong.empty() : OptionalLong.of(after);
        }
        if (after >= 0) {
            throw QueryParams.bad("after", "give either after or the Last-Event-ID header, not both");
        }
        if (!DIGITS.matcher(lastEventId).matches()) {
            throw QueryParams.bad(LAST_EVENT_ID, "Last-Event-ID must be an integer from 0 to " + Long.MAX_VALUE);
        }
        try {
            return OptionalLong.of(Long.parseLong(lastEventId));
        } catch (NumberFormatException overflow) {
            throw QueryParams.bad(LAST_EVENT_ID, "Last-Event-ID must be an integer from 0 to " + Long.MAX_VALUE);
        }
    }

    /** Whether {@code Accept-Encoding} lists gzip with a non-zero weight. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] fields = part.trim().toLowerCase(Locale.ROOT).split(";");
            if (fields[0].trim().equals("gzip")) {
                for (int i = 1; i < fields.length; i++) {
                    String param = fields[i].trim();
                    if (param.startsWith("q=") && param.substring(2).trim().matches("0(\\.0{0,3})?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
