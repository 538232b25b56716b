package io.ctimw.adapters.http;

import io.ctimw.core.model.StoredEvent;
import io.ctimw.core.model.StreamEnd;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The text of {@code GET /api/v1/events/stream}: one server-sent-events message per event ({@code id:} its
 * cursor, {@code data:} the event exactly as the poll returns it, on one line), a comment as heartbeat, and
 * a last {@code end} event saying why the stream ended.
 */
final class SseText {
    static final byte[] HEARTBEAT = ": hb\n\n".getBytes(StandardCharsets.US_ASCII);

    private SseText() {
    }

    static byte[] events(List<StoredEvent> events) {
        StringBuilder out = new StringBuilder(events.size() * 320);
        for (StoredEvent event : events) {
            out.append("id: ").append(event.cursor()).append("\ndata: ");
            int from = out.length();
            EventsJson.splice(out, event);
            // A line break may sit between JSON tokens (never inside a string): a space means the same and
            // keeps the message one data line.
            for (int i = from; i < out.length(); i++) {
                char c = out.charAt(i);
                if (c == '\n' || c == '\r') {
                    out.setCharAt(i, ' ');
                }
            }
            out.append("\n\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] end(StreamEnd why) {
        return ("event: end\ndata: {\"reason\":\"" + reason(why) + "\"}\n\n").getBytes(StandardCharsets.US_ASCII);
    }

    static String reason(StreamEnd why) {
        return switch (why) {
            case LOGGED_OUT -> "logged-out";
            case SESSION_ENDED -> "session-ended";
            case FORBIDDEN -> "forbidden";
            case SLOW_CONSUMER -> "slow-consumer";
            case UNAVAILABLE -> "unavailable";
            case SHUTDOWN -> "shutdown";
            case CLIENT_GONE -> "client-gone";
        };
    }
}
