package io.ctimw.app.agent.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Renders a Calls reply as a small aligned table: cid, state, direction, hold/mute, party. */
public final class CallsTable {
    private static final String[] HEADER = {"CID", "STATE", "DIR", "FLAGS", "PARTY"};

    private CallsTable() {
    }

    public static List<String> lines(JsonNode calls) {
        if (!calls.isArray() || calls.isEmpty()) {
            return List.of("no calls");
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        calls.forEach(c -> rows.add(new String[] {Json.text(c, "cid"), Json.text(c, "state"),
                Json.text(c, "direction"), Party.flags(c), Party.describe(c)}));
        int[] width = new int[HEADER.length];
        rows.forEach(r -> {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        });
        List<String> lines = new ArrayList<>();
        for (String[] r : rows) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                s.append(i == r.length - 1 ? r[i] : String.format("%-" + (width[i] + 2) + "s", r[i]));
            }
            lines.add(s.toString().stripTrailing());
        }
        return lines;
    }
}
