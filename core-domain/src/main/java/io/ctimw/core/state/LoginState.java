package io.ctimw.core.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a login's stored events say about it: the fields of its last {@code UserState} (null before any), its
 * calls by cid key in the order they appeared (each call's fields as raw JSON text), and whether its phone is
 * reachable. Immutable; {@link StateReducer} makes the next one. Its JSON is what the store keeps per login.
 */
record LoginState(Map<String, String> userState, Map<String, Map<String, String>> calls, boolean phoneAvailable) {
    static final LoginState EMPTY = new LoginState(null, Map.of(), true);

    LoginState {
        userState = userState == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(userState));
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        Objects.requireNonNull(calls, "calls").forEach((cid, call) ->
                copy.put(cid, Collections.unmodifiableMap(new LinkedHashMap<>(call))));
        calls = Collections.unmodifiableMap(copy);
    }

    /** The user state as a JSON object, or null. */
    String userStateJson() {
        return userState == null ? null : JsonText.object(userState);
    }

    /** Each call as a JSON object, in order. */
    List<String> callsJson() {
        List<String> out = new ArrayList<>(calls.size());
        calls.values().forEach(call -> out.add(JsonText.object(call)));
        return out;
    }

    /** {@code {"userState":...,"calls":[...],"phone":"available"|"unavailable"}}. */
    String toJson() {
        return "{\"userState\":" + Objects.requireNonNullElse(userStateJson(), "null") + ",\"calls\":["
                + String.join(",", callsJson()) + "],\"phone\":\"" + (phoneAvailable ? "available" : "unavailable")
                + "\"}";
    }

    /** Reads {@link #toJson()} back. @throws IllegalArgumentException when it is not such a text */
    static LoginState parse(String json) {
        Map<String, String> top = JsonText.members(json);
        String user = top.getOrDefault("userState", "null");
        Map<String, Map<String, String>> calls = new LinkedHashMap<>();
        for (String call : JsonText.elements(top.getOrDefault("calls", "[]"))) {
            Map<String, String> fields = JsonText.members(call);
            String key = StateReducer.cidKey(fields.get("cid"));
            if (key == null) {
                throw new IllegalArgumentException("a stored call without a cid");
            }
            calls.put(key, fields);
        }
        String phone = JsonText.string(top.get("phone"));
        if (!"available".equals(phone) && !"unavailable".equals(phone)) {
            throw new IllegalArgumentException("phone is neither available nor unavailable");
        }
        return new LoginState("null".equals(user) ? null : JsonText.members(user), calls, "available".equals(phone));
    }
}
