package io.ctimw.app.agent.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.OptionalLong;

/** One answer of GET /events: the events (possibly none) and the X-Cursor header when sent. */
public record EventBatch(List<JsonNode> events, OptionalLong cursorHeader) {
    public EventBatch {
        events = List.copyOf(events);
    }

    public static EventBatch empty() {
        return new EventBatch(List.of(), OptionalLong.empty());
    }
}
