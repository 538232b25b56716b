package io.ctimw.adapters.http;

import io.ctimw.core.model.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a batch of stored events as a JSON array by splicing text, not by re-serialising: each element
 * is the CTI's object byte-for-byte with {@code _cursor} and {@code _receivedAt} put in front. This is
 * the hot path, and it keeps the CTI's field order and JSON types exactly (a numeric cid stays a number).
 */
final class EventsJson {
    private EventsJson() {
    }

    public static byte[] array(List<StoredEvent> events) {
        int size = 2;
        for (StoredEvent event : events) {
            size += event.json().length() + 64;
        }
        StringBuilder out = new StringBuilder(size).append('[');
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            splice(out, events.get(i));
        }
        return out.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One event as the poll's array holds it. */
    static void splice(StringBuilder out, StoredEvent event) {
        String json = event.json();
        int open = skipWhitespace(json, 0);
        if (open >= json.length() || json.charAt(open) != '{') {
            // The core only stores objects; anything else is a bug worth a 500, not a corrupt stream.
            throw new IllegalStateException("stored event " + event.cursor() + " is not a JSON object");
        }
        out.append("{\"_cursor\":").append(event.cursor())
                .append(",\"_receivedAt\":\"").append(event.receivedAt()).append('"'); // Instant text needs no escaping
        int next = skipWhitespace(json, open + 1);
        if (next < json.length() && json.charAt(next) != '}') {
            out.append(',');
        }
        out.append(json, open + 1, json.length()); // the CTI's own text from its first member on
    }

    private static int skipWhitespace(String json, int from) {
        int i = from;
        while (i < json.length() && isJsonWhitespace(json.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isJsonWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
