package io.ctimw.adapters.ctiws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** One text frame from the CTI after the envelope checks: a usable message, or why it is not one. */
sealed interface InboundFrame {
    /** A frame that cannot be a protocol message; {@code problem} goes to the log. */
    record Malformed(String problem) implements InboundFrame {}

    /**
     * A JSON object with a non-empty string {@code name}.
     *
     * @param rid  the {@code rid} when it is a string, else null
     * @param raw  the frame's text exactly as received
     */
    record Message(String name, String rid, ObjectNode json, String raw) implements InboundFrame {
        // These carry no login (protocol: every message except the service ones carries login).
        private static final Set<String> SERVICE = Set.of("Ok", "Error", "ParseError", "SetProtocolVersion");

        boolean isService() {
            return SERVICE.contains(name);
        }

        /** The field when it is a JSON string, else null. */
        String text(String field) {
            JsonNode value = json.get(field);
            return value != null && value.isTextual() ? value.textValue() : null;
        }
    }
}
