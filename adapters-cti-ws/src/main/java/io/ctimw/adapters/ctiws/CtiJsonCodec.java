package io.ctimw.adapters.ctiws;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ctimw.core.model.CallId;
import io.ctimw.core.model.CtiEvent;
import io.ctimw.core.model.CtiReply;
import io.ctimw.core.model.Login;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Protocol-13 JSON both ways: writes commands, reads frames into replies and events (Jackson). */
final class CtiJsonCodec {
    private static final Set<String> ENVELOPE = Set.of("rid", "name", "login");

    // Trailing tokens fail: "{...} junk" is not a message we can trust.
    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** {@code {"rid","name":"SetProtocolVersion","protocolVersion"}}: a service command, no login. */
    String setProtocolVersion(String rid, String version) {
        return write(gen -> {
            gen.writeStringField("rid", rid);
            gen.writeStringField("name", "SetProtocolVersion");
            gen.writeStringField("protocolVersion", version);
        });
    }

    /**
     * {@code {"rid","name",<fields>,"login"}}. A numeric {@link CallId} is written as a JSON number, any
     * other as a string, so the CTI gets ids back in the type it sent them.
     *
     * @throws IllegalArgumentException for a field of another type or one that would clash with the envelope
     */
    String command(String rid, String name, Map<String, Object> fields, Login login) {
        return write(gen -> {
            gen.writeStringField("rid", rid);
            gen.writeStringField("name", name);
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                if (ENVELOPE.contains(field.getKey())) {
                    throw new IllegalArgumentException("command field " + field.getKey() + " is set by the link");
                }
                gen.writeFieldName(field.getKey());
                writeValue(gen, field.getKey(), field.getValue());
            }
            gen.writeStringField("login", login.value());
        });
    }

    /** Parses one text frame; never throws. */
    InboundFrame decode(String text) {
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return new InboundFrame.Malformed("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return new InboundFrame.Malformed("not a JSON object");
        }
        JsonNode name = node.get("name");
        if (name == null || !name.isTextual() || name.textValue().isEmpty()) {
            return new InboundFrame.Malformed("no name");
        }
        JsonNode rid = node.get("rid");
        return new InboundFrame.Message(name.textValue(), rid != null && rid.isTextual() ? rid.textValue() : null,
                (ObjectNode) node, text);
    }

    /** The reply a message stands for, given that it carries the rid of a pending command. */
    CtiReply reply(InboundFrame.Message message) {
        return switch (message.name()) {
            case "Ok" -> new CtiReply.Ok();
            case "Error" -> new CtiReply.Rejected(describe(message));
            case "ParseError" -> new CtiReply.Unparsed(describe(message));
            default -> new CtiReply.Data(message.name(), message.raw(), callsOf(message));
        };
    }

    /** The event a message stands for; empty when it has no valid login to route it by. */
    Optional<CtiEvent> event(InboundFrame.Message message) {
        String login = message.text("login");
        if (!Login.isValid(login)) {
            return Optional.empty();
        }
        String state = "UserState".equals(message.name()) ? message.text("state") : null;
        return Optional.of(new CtiEvent(new Login(login), message.name(), callId(message.json().get("cid")),
                callsOf(message), state, message.raw()));
    }

    /** For {@code Calls}: the cids of the listed calls (unusable ones skipped); null for other messages. */
    private static List<CallId> callsOf(InboundFrame.Message message) {
        if (!"Calls".equals(message.name())) {
            return null;
        }
        List<CallId> cids = new ArrayList<>();
        JsonNode calls = message.json().get("calls");
        if (calls != null && calls.isArray()) {
            for (JsonNode call : calls) {
                CallId cid = call.isObject() ? callId(call.get("cid")) : null;
                if (cid != null) {
                    cids.add(cid);
                }
            }
        }
        return cids;
    }

    /** A string or integral-number cid as received; null when absent or unusable (the raw JSON still has it). */
    static CallId callId(JsonNode node) {
        try {
            if (node != null && node.isTextual()) {
                return CallId.ofText(node.textValue());
            }
            if (node != null && node.isIntegralNumber()) {
                return new CallId(node.bigIntegerValue().toString(), true);
            }
        } catch (IllegalArgumentException e) {
            // Too long or out of range: keep the event, without a cid the core could route by.
        }
        return null;
    }

    private static String describe(InboundFrame.Message message) {
        String description = message.text("description");
        return description == null || description.isBlank() ? "(no description)" : description;
    }

    private static void writeValue(JsonGenerator gen, String field, Object value) throws IOException {
        if (value instanceof CallId cid) {
            if (cid.numeric()) {
                gen.writeNumber(new BigInteger(cid.text()));
            } else {
                gen.writeString(cid.text());
            }
        } else if (value instanceof String text) {
            gen.writeString(text);
        } else if (value instanceof Boolean flag) {
            gen.writeBoolean(flag);
        } else if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            gen.writeNumber(new BigInteger(value.toString()));
        } else if (value instanceof BigDecimal decimal) {
            gen.writeNumber(decimal);
        } else {
            throw new IllegalArgumentException("command field " + field + " has unsupported type "
                    + (value == null ? "null" : value.getClass().getName()));
        }
    }

    private String write(Fields fields) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator gen = mapper.getFactory().createGenerator(out)) {
            gen.writeStartObject();
            fields.write(gen);
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @FunctionalInterface
    private interface Fields {
        void write(JsonGenerator gen) throws IOException;
    }
}
