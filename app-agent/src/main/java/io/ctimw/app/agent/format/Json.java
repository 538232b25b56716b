package io.ctimw.app.agent.format;

import com.fasterxml.jackson.databind.JsonNode;

/** Null-safe reads of event fields: events come from a CTI that grows new fields and omits old ones. */
final class Json {
    private Json() {
    }

    /** The field as text, "" when absent, null or not a scalar. */
    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? "" : v.asText();
    }
}
