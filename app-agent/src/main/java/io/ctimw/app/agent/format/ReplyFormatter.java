package io.ctimw.app.agent.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Renders the answer to a control command: "ok", a calls table, the operator state, or the raw reply. */
public final class ReplyFormatter {
    private ReplyFormatter() {
    }

    public static List<String> lines(JsonNode reply) {
        if (reply == null || reply.isNull()) {
            return List.of("ok");
        }
        String name = Json.text(reply, "name");
        return switch (name) {
            case "Ok" -> List.of("ok");
            case "Calls" -> CallsTable.lines(reply.path("calls"));
            case "UserState" -> List.of(userState(reply));
            default -> List.of(reply.toString());
        };
    }

    static String userState(JsonNode reply) {
        StringBuilder s = new StringBuilder("state: ").append(Json.text(reply, "state"));
        JsonNode substates = reply.path("substates");
        if (substates.isArray() && !substates.isEmpty()) {
            List<String> names = new java.util.ArrayList<>();
            substates.forEach(n -> names.add(n.asText()));
            s.append(" (").append(String.join(", ", names)).append(')');
        }
        String reason = Json.text(reply, "reason");
        if (!reason.isEmpty()) {
            s.append(", reason: ").append(reason);
        }
        return s.toString();
    }
}
