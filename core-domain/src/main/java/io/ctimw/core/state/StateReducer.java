package io.ctimw.core.state;

import io.ctimw.core.model.CallId;
import io.ctimw.core.model.StoredEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules that turn a login's state and its next stored event into its next state. Pure and total: an event
 * it does not understand (an unknown name, a cid it cannot read, text that is not an object) leaves the state
 * as it was, because a projection that throws would stall the journal's writer. The call rules are
 * {@link io.ctimw.core.call.CallRegistry}'s, so the snapshot lists exactly the calls an agent may control.
 */
final class StateReducer {
    /** Members that say what the message is, not what the call or the operator is. */
    private static final Set<String> ENVELOPE = Set.of("name", "login", "rid");

    private StateReducer() {
    }

    static LoginState apply(LoginState state, StoredEvent event) {
        return apply(state, event.name(), event.json());
    }

    static LoginState apply(LoginState state, String name, String json) {
        try {
            return switch (name) {
                case "UserState" -> userState(state, fields(json));
                case "NewCall", "CallStatus" -> merged(state, fields(json), true);
                case "CallParams" -> withMember(state, fields(json), "params", false, true);
                case "CurrentCall" -> merged(state, cidOnly(fields(json)), true);
                case "CallParamsUpdated" -> withMember(state, fields(json), "params", true, false);
                case "LocalParamsUpdated" -> withMember(state, fields(json), "localParams", true, false);
                case "OnClose" -> closed(state, fields(json));
                case "Calls" -> replaced(state, JsonText.members(json).getOrDefault("calls", "[]"));
                case "mw.PhoneUnavailable" -> new LoginState(state.userState(), state.calls(), false);
                case "mw.PhoneAvailable" -> new LoginState(state.userState(), state.calls(), true);
                default -> state;
            };
        } catch (IllegalArgumentException unreadable) {
            return state;
        }
    }

    /** The key a raw cid value goes by ({@code 2} and {@code "2"} alike), or null when it is not a usable cid. */
    static String cidKey(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            String text = JsonText.string(raw);
            return text != null ? CallId.ofText(text).key() : new CallId(raw, true).key();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, String> fields(String json) {
        Map<String, String> fields = JsonText.members(json);
        fields.keySet().removeAll(ENVELOPE);
        return fields;
    }

    private static Map<String, String> cidOnly(Map<String, String> fields) {
        Map<String, String> cid = new LinkedHashMap<>();
        if (fields.containsKey("cid")) {
            cid.put("cid", fields.get("cid"));
        }
        return cid;
    }

    /** Offline means no softphone, so no calls (as the registry forgets them). */
    private static LoginState userState(LoginState state, Map<String, String> fields) {
        boolean offline = "offline".equals(JsonText.string(fields.get("state")));
        return new LoginState(fields, offline ? Map.of() : state.calls(), state.phoneAvailable());
    }

    /** The event's fields over the call's known ones (a CallStatus keeps params learned earlier). */
    private static LoginState merged(LoginState state, Map<String, String> fields, boolean mayAdd) {
        String key = cidKey(fields.get("cid"));
        Map<String, String> known = key == null ? null : state.calls().get(key);
        if (key == null || (known == null && !mayAdd)) {
            return state;
        }
        Map<String, String> call = new LinkedHashMap<>(known == null ? Map.of() : known);
        call.putAll(fields);
        Map<String, Map<String, String>> calls = new LinkedHashMap<>(state.calls());
        calls.put(key, call);
        return new LoginState(state.userState(), calls, state.phoneAvailable());
    }

    /** Sets one object member of a call ({@code params}), replacing it or adding the event's entries to it. */
    private static LoginState withMember(LoginState state, Map<String, String> fields, String member, boolean add,
                                         boolean mayAdd) {
        String key = cidKey(fields.get("cid"));
        String update = fields.get("params");
        if (key == null || update == null) {
            return state;
        }
        Map<String, String> known = state.calls().get(key);
        String value = update;
        if (add) {
            Map<String, String> entries = new LinkedHashMap<>();
            String old = known == null ? null : known.get(member);
            if (old != null && old.startsWith("{")) {
                entries.putAll(JsonText.members(old));
            }
            entries.putAll(JsonText.members(update));
            value = JsonText.object(entries);
        }
        Map<String, String> change = new LinkedHashMap<>();
        change.put("cid", fields.get("cid"));
        change.put(member, value);
        return merged(state, change, mayAdd);
    }

    private static LoginState closed(LoginState state, Map<String, String> fields) {
        String key = cidKey(fields.get("cid"));
        if (key == null || !state.calls().containsKey(key)) {
            return state;
        }
        Map<String, Map<String, String>> calls = new LinkedHashMap<>(state.calls());
        calls.remove(key);
        return new LoginState(state.userState(), calls, state.phoneAvailable());
    }

    /**
     * A {@code Calls} list is the whole truth: it replaces the set; elements without a usable cid are skipped,
     * and a {@code calls} that is not a list is an empty one (as the registry reads it).
     */
    private static LoginState replaced(LoginState state, String list) {
        Map<String, Map<String, String>> calls = new LinkedHashMap<>();
        for (String element : list.startsWith("[") ? JsonText.elements(list) : List.<String>of()) {
            if (element.startsWith("{")) {
                Map<String, String> call = JsonText.members(element);
                String key = cidKey(call.get("cid"));
                if (key != null) {
                    calls.put(key, call);
                }
            }
        }
        return new LoginState(state.userState(), calls, state.phoneAvailable());
    }
}
