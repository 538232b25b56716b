package io.ctimw.adapters.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;

/**
 * The adapter's one Jackson setup: strict parsing of request bodies into plain Java values, and
 * writing of response bodies. Event bodies never pass through here (see {@link EventsJson}).
 */
final class JsonCodec {
    private final ObjectMapper requests = new ObjectMapper()
            // Duplicate keys would let a body mean two things; trailing data means it is not one document.
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    // CTI replies are relayed, so decimals keep the CTI's spelling (1.10 stays 1.10).
    private final ObjectMapper replies = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    private final ObjectMapper responses = new ObjectMapper();

    /**
     * Parses a request body that must be one JSON object; numbers become Integer/Long/BigInteger or
     * Double, objects LinkedHashMaps, arrays Lists.
     *
     * @throws ProblemException 400 when the body is not exactly one JSON object in UTF-8 of whole characters
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> parseObject(byte[] body) {
        Object value;
        try {
            value = requests.readValue(StrictText.utf8(body), Object.class);
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, describe(e));
        } catch (IOException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "the body could not be read as JSON");
        }
        if (!(value instanceof Map)) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "the body must be a JSON object");
        }
        StrictText.requireWholeCharacters(value);
        return (Map<String, Object>) value;
    }

    // Never echo Jackson's message: it quotes the offending text, which may be a password, into logs.
    private static String describe(JsonProcessingException e) {
        String original = String.valueOf(e.getOriginalMessage());
        if (original.startsWith("Duplicate field")) {
            return "the body has a duplicate key";
        }
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 0 ? "the body is not valid JSON"
                : "the body is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    /** Stored JSON (a CTI reply, a command's fields) as a tree to answer with; empty unless it is an object. */
    public java.util.Optional<ObjectNode> object(String json) {
        try {
            return replies.readTree(json) instanceof ObjectNode object ? java.util.Optional.of(object)
                    : java.util.Optional.empty();
        } catch (JsonProcessingException e) {
            return java.util.Optional.empty();
        }
    }

    /** Writes one document of a response body through {@code body}: for bodies too large for a map per value. */
    public byte[] stream(Body body) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(64 * 1024);
        try (JsonGenerator g = responses.getFactory().createGenerator(out)) {
            body.writeTo(g);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a response body", e);
        }
        return out.toByteArray();
    }

    /** A response body written by hand to a generator. */
    interface Body {
        void writeTo(JsonGenerator g) throws IOException;
    }

    public byte[] write(Object value) {
        try {
            return responses.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a response body", e);
        }
    }
}
