package io.ctimw.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One command being executed: field access that rejects bad input, and the reply and event outlets. */
final class CommandContext {
    final Model model;
    final Connection connection;
    final ObjectNode command;
    final JsonNode rid;
    private String outcome;

    CommandContext(Model model, Connection connection, ObjectNode command, JsonNode rid) {
        this.model = model;
        this.connection = connection;
        this.command = command;
        this.rid = rid;
    }

    String text(String field) throws Rejected {
        JsonNode value = command.get(field);
        if (value == null || value.isNull()) {
            throw new Rejected("missing field " + field);
        }
        if (!value.isTextual()) {
            throw new Rejected(field + " must be a string");
        }
        return value.textValue();
    }

    String nonEmptyText(String field) throws Rejected {
        String value = text(field);
        if (value.isBlank()) {
            throw new Rejected(field + " must not be empty");
        }
        return value;
    }

    String optionalText(String field) throws Rejected {
        JsonNode value = command.get(field);
        return value == null || value.isNull() ? null : text(field);
    }

    boolean bool(String field) throws Rejected {
        JsonNode value = command.get(field);
        if (value == null || value.isNull()) {
            throw new Rejected("missing field " + field);
        }
        if (!value.isBoolean()) {
            throw new Rejected(field + " must be a boolean");
        }
        return value.booleanValue();
    }

    /** The softphone named by {@code login}, which this connection must be attached to. */
    Softphone attachedPhone() throws Rejected {
        String login = text("login");
        if (!connection.attachedLogins.contains(login)) {
            throw new Rejected("not attached to user " + login);
        }
        return model.board().phone(login);
    }

    /** As {@link #attachedPhone()}, and the softphone must be running. */
    Softphone onlinePhone() throws Rejected {
        Softphone phone = attachedPhone();
        if (phone.isOffline()) {
            throw new Rejected("user " + phone.login + " is offline");
        }
        return phone;
    }

    SimCall call(Softphone phone) throws Rejected {
        Object cid = model.cids().read(command.get("cid"));
        SimCall call = phone.calls.get(cid);
        if (call == null) {
            throw new Rejected("unknown cid " + cid);
        }
        return call;
    }

    SimCall connectedCall(Softphone phone) throws Rejected {
        SimCall call = call(phone);
        if (!call.isConnected()) {
            throw new Rejected("call " + call.cid + " is " + call.state + ", not connected");
        }
        return call;
    }

    void ok() {
        reply(Json.message("Ok"));
    }

    void error(String description) {
        ObjectNode error = Json.message("Error");
        error.put("description", description);
        reply(error);
    }

    /** Sends the one reply of this command, with its rid; a second reply is a simulator bug. */
    void reply(ObjectNode message) {
        if (outcome != null) {
            throw new IllegalStateException("second reply to rid " + rid + ": " + message);
        }
        ObjectNode withRid = Json.withRid(message, rid);
        String name = message.path("name").asText();
        outcome = "Error".equals(name) ? "Error: " + message.path("description").asText() : name;
        String text = Json.write(withRid);
        connection.send(text);
        if (model.faults().isOn(Faults.Switch.DUPLICATE_REPLIES)) {
            connection.send(text);
        }
    }

    /** An event to every connection attached to the phone. */
    void emit(Softphone phone, ObjectNode event) {
        model.board().emit(phone, event);
    }

    /** An event to this connection only (the resync after AttachToUser). */
    void emitHere(ObjectNode event) {
        connection.send(Json.write(event));
    }

    String outcome() {
        return outcome == null ? "no reply" : outcome;
    }
}
