package io.ctimw.app.agent.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Renders the state snapshot: its cursor and phone, the operator state, then the calls table. */
public final class StateFormatter {
    private StateFormatter() {
    }

    public static List<String> lines(JsonNode state) {
        List<String> lines = new ArrayList<>();
        lines.add("as of cursor " + state.path("cursor").asText("?") + ", phone " + state.path("phone").asText("?"));
        JsonNode user = state.path("userState");
        lines.add(user.isObject() ? ReplyFormatter.userState(user) : "state: not known yet");
        lines.addAll(CallsTable.lines(state.path("calls")));
        return lines;
    }
}
