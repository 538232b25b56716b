package io.ctimw.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Jackson plumbing: the one mapper and the shapes of the protocol's messages. */
final class Json {
    // Trailing tokens fail so that "{...} junk" is a ParseError, as a strict server would treat it.
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    // Best effort only: lets a ParseError carry the rid of a message that is not valid JSON.
    private static final Pattern RID = Pattern.compile("\"rid\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private Json() {
    }

    static ObjectNode message(String name) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", name);
        return node;
    }

    /** An event about one operator: every non-service message carries {@code login}. */
    static ObjectNode event(String name, String login) {
        ObjectNode node = message(name);
        node.put("login", login);
        return node;
    }

    static ObjectNode withRid(ObjectNode message, JsonNode rid) {
        ObjectNode out = MAPPER.createObjectNode();
        out.set("rid", rid);
        out.setAll(message);
        return out;
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String extractRid(String text) {
        Matcher m = RID.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }
}
