package io.ctimw.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One call leg in one operator's softphone; mutated only on the model thread. */
final class SimCall {
    final Object cid;
    final String direction;
    final String displayName;
    final long creationTime;
    final ObjectNode params;
    String state = "new";
    boolean hold;
    boolean muted;
    Long answerTime;
    Long hangupTime;

    SimCall(Object cid, String direction, String sessionId, String caller, String called,
            String displayName, long creationTime) {
        this.cid = cid;
        this.direction = direction;
        this.displayName = displayName;
        this.creationTime = creationTime;
        this.params = Json.MAPPER.createObjectNode();
        params.put("sessionId", sessionId);
        params.put("caller", caller);
        params.put("called", called);
    }

    boolean isRingingIn() {
        return "new".equals(state) && "in".equals(direction);
    }

    boolean isConnected() {
        return "connected".equals(state);
    }

    void connect(long now) {
        state = "connected";
        answerTime = now;
    }

    void end(long now) {
        state = "ended";
        hangupTime = now;
    }

    /** Sets a param; false when the value was already there, so no CallParamsUpdated is due. */
    boolean setParam(String name, JsonNode value) {
        if (value.equals(params.get(name))) {
            return false;
        }
        params.set(name, value);
        return true;
    }

    /** The CallStatus-shaped fields (no name, no login), as in NewCall, CallStatus and Calls. */
    ObjectNode fields() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        CidFactory.put(node, cid);
        node.put("type", "sip");
        node.put("state", state);
        node.put("direction", direction);
        node.put("hold", hold);
        node.put("muted", muted);
        node.put("displayName", displayName);
        node.put("creationTime", creationTime);
        if (answerTime != null) {
            node.put("answerTime", answerTime);
        }
        if (hangupTime != null) {
            node.put("hangupTime", hangupTime);
        }
        node.set("params", params.deepCopy());
        return node;
    }

    /** A NewCall or CallStatus event for this call. */
    ObjectNode event(String name, String login) {
        ObjectNode node = Json.event(name, login);
        node.setAll(fields());
        return node;
    }
}
