package io.ctimw.app.agent.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Renders the answer to a control command: "ok", a calls table, the operator state, or the raw reply, and
 * the id the middleware stored it under (to look it up with GET /api/v1/commands/{id}).
 */
public final class ReplyFormatter {
    private ReplyFormatter() {
    }

    public static List<String> lines(JsonNode reply) {
        if (reply == null || reply.isNull()) {
            return List.of("ok");
        }
        String name = Json.text(reply, "name");
        String id = Json.text(reply, "commandId");
        if (name.equals("Ok")) {
            return List.of(id.isEmpty() ? "ok" : "ok (command " + id + ")");
        }
        List<String> lines = new java.util.ArrayList<>(switch (name) {
            case "Calls" -> CallsTable.lines(reply.path("calls"));
            case "UserState" -> List.of(userState(reply));
            default -> List.of(reply.toString());
        });
        if (!id.isEmpty() && (name.equals("Calls") || name.equals("UserState"))) { // raw replies show it already
            lines.add("(command " + id + ")");
        }
        return lines;
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
