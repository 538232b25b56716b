package io.ctimw.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One operator's softphone: state and calls (touched only on the model thread) plus the connections
 * attached to it (a concurrent set, because the load generator reads it from its own thread).
 */
final class Softphone {
    static final String OFFLINE = "offline";

    final String login;
    final Map<Object, SimCall> calls = new LinkedHashMap<>();
    final Set<Connection> attached = ConcurrentHashMap.newKeySet();
    String state = "normal";
    String reason;

    Softphone(String login) {
        this.login = login;
    }

    boolean isOffline() {
        return OFFLINE.equals(state);
    }

    /** UserState as the API sends it; {@code time} is absent when offline, as the guide says. */
    ObjectNode userState(long nowSeconds) {
        ObjectNode node = Json.event("UserState", login);
        node.put("state", state);
        ArrayNode substates = node.putArray("substates");
        if (calls.values().stream().anyMatch(SimCall::isConnected)) {
            substates.add("speaking");
        } else if (calls.values().stream().anyMatch(SimCall::isRingingIn)) {
            substates.add("ringing");
        }
        if (!isOffline()) {
            node.put("time", nowSeconds);
        }
        if (reason != null) {
            node.put("reason", reason);
        }
        return node;
    }

    ObjectNode callsMessage() {
        ObjectNode node = Json.event("Calls", login);
        ArrayNode array = node.putArray("calls");
        calls.values().forEach(call -> array.add(call.fields()));
        return node;
    }

    ObjectNode conferencesMessage() {
        ObjectNode node = Json.event("Conferences", login);
        node.putArray("conferences");
        return node;
    }
}
