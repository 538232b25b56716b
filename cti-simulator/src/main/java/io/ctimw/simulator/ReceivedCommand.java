package io.ctimw.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A JSON object a client sent, as the simulator received it (also those without rid, which the API
 * ignores). {@code name}, {@code rid} and {@code login} are null when absent or not strings.
 */
public record ReceivedCommand(int connectionId, String name, String rid, String login, String rawJson,
                              ObjectNode json) {

    static ReceivedCommand of(int connectionId, ObjectNode json, String raw) {
        return new ReceivedCommand(connectionId, Json.textOrNull(json, "name"), Json.textOrNull(json, "rid"),
                Json.textOrNull(json, "login"), raw, json);
    }

    /** A copy, so that a test cannot change what other readers see. */
    @Override
    public ObjectNode json() {
        return json.deepCopy();
    }

    public boolean is(String commandName) {
        return commandName.equals(name);
    }
}
