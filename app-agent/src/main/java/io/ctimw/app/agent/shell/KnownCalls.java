package io.ctimw.app.agent.shell;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The call ids seen in the live feed and not yet closed: what tab completion offers for CID. */
public final class KnownCalls {
    private final Map<String, String> stateByCid = new ConcurrentHashMap<>();

    /** Updates from an event or a Calls reply; OnClose forgets the call. */
    public void observe(JsonNode message) {
        String name = message.path("name").asText("");
        if (name.equals("Calls") && message.path("calls").isArray()) {
            stateByCid.clear();
            message.path("calls").forEach(this::remember);
            return;
        }
        String cid = message.path("cid").asText("");
        if (cid.isEmpty()) {
            return;
        }
        if (name.equals("OnClose")) {
            stateByCid.remove(cid);
        } else {
            remember(message);
        }
    }

    public List<String> cids() {
        return stateByCid.keySet().stream().sorted().toList();
    }

    private void remember(JsonNode call) {
        String cid = call.path("cid").asText("");
        if (!cid.isEmpty()) {
            stateByCid.put(cid, call.path("state").asText(""));
        }
    }
}
