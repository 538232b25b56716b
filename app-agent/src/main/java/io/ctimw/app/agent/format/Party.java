package io.ctimw.app.agent.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Who is on the other end of a call, as "Alice (+3512345 -> 100)", from displayName and params. */
public final class Party {
    private Party() {
    }

    public static String describe(JsonNode call) {
        String name = Json.text(call, "displayName");
        JsonNode params = call.path("params");
        String caller = Json.text(params, "caller");
        String called = Json.text(params, "called");
        String numbers = caller.isEmpty() && called.isEmpty() ? ""
                : (caller.isEmpty() ? "?" : caller) + " -> " + (called.isEmpty() ? "?" : called);
        if (name.isEmpty()) {
            return numbers;
        }
        return numbers.isEmpty() ? name : name + " (" + numbers + ")";
    }

    /** "hold,muted" for the flags that are true, "" when none. */
    public static String flags(JsonNode call) {
        List<String> flags = new ArrayList<>();
        if (call.path("hold").asBoolean(false)) {
            flags.add("hold");
        }
        if (call.path("muted").asBoolean(false)) {
            flags.add("muted");
        }
        return String.join(",", flags);
    }
}
