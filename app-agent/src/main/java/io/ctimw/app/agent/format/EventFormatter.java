package io.ctimw.app.agent.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Renders one event as one readable line: local time, name, then the fields an operator acts on. */
public final class EventFormatter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** Fields shown in fixed places, or plumbing nobody reads; unknown events show whatever else they carry. */
    private static final Set<String> SHOWN = Set.of("name", "login", "rid", "cid", "state", "direction",
            "displayName", "params", "hold", "muted", "substates", "reason", "description", "status", "calls",
            "type", "creationTime", "answerTime", "hangupTime", "localParams", "time", "wasConnected");
    private static final Set<String> KNOWN = Set.of("NewCall", "CallStatus", "UserState", "Calls", "CurrentCall",
            "CallParams", "CallParamsUpdated", "LocalParamsUpdated", "OnClose", "OnTransferCall", "TransferSucceed",
            "TransferCallReturned", "TransferFailed", "mw.PhoneUnavailable", "mw.PhoneAvailable");
    private static final Map<String, String> TRANSFER_FAILURES = Map.ofEntries(Map.entry("0", "EmptyAddress"),
            Map.entry("1", "BadAddressFormat"), Map.entry("2", "DifferentTypeConnections"),
            Map.entry("3", "SourceConnectionNotFound"), Map.entry("4", "ResponseTimeout"),
            Map.entry("5", "ConnectionTrouble"), Map.entry("6", "ReceiveReturnError"), Map.entry("7", "Busy"),
            Map.entry("8", "BreakTransfer"), Map.entry("9", "TransferredSideDisconnected"),
            Map.entry("10", "DestinationNotFound"));

    private final ZoneId zone;

    public EventFormatter(ZoneId zone) {
        this.zone = zone;
    }

    public String line(JsonNode event) {
        String name = Json.text(event, "name");
        List<String> parts = new ArrayList<>();
        parts.add(time(Json.text(event, "_receivedAt")));
        parts.add(String.format("%-20s", name.isEmpty() ? "(unnamed)" : name));
        add(parts, "cid=", Json.text(event, "cid"));
        add(parts, "state=", Json.text(event, "state"));
        add(parts, "dir=", Json.text(event, "direction"));
        add(parts, "", Party.describe(event));
        String flags = Party.flags(event);
        add(parts, "", flags.isEmpty() ? "" : "[" + flags + "]");
        add(parts, "", substates(event.path("substates")));
        add(parts, "reason=", Json.text(event, "reason"));
        add(parts, "status=", transferStatus(name, Json.text(event, "status")));
        if (event.path("calls").isArray()) {
            parts.add(calls(event.path("calls")));
        }
        if (!KNOWN.contains(name)) {
            extras(event, parts);
        }
        String description = Json.text(event, "description");
        String line = String.join(" ", parts).stripTrailing();
        return description.isEmpty() ? line : line + ": " + description;
    }

    private String time(String receivedAt) {
        try {
            return TIME.format(Instant.parse(receivedAt).atZone(zone));
        } catch (DateTimeParseException e) {
            return "--:--:--";
        }
    }

    private static String substates(JsonNode substates) {
        if (!substates.isArray() || substates.isEmpty()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        substates.forEach(s -> names.add(s.asText()));
        return "(" + String.join(",", names) + ")";
    }

    private static String transferStatus(String name, String status) {
        if (status.isEmpty() || !"TransferFailed".equals(name)) {
            return status;
        }
        return status + " " + TRANSFER_FAILURES.getOrDefault(status, "unknown");
    }

    private static String calls(JsonNode calls) {
        if (calls.isEmpty()) {
            return "no calls";
        }
        List<String> each = new ArrayList<>();
        calls.forEach(c -> each.add(Json.text(c, "cid") + " " + Json.text(c, "state")));
        return calls.size() + (calls.size() == 1 ? " call: " : " calls: ") + String.join(", ", each);
    }

    private static void extras(JsonNode event, List<String> parts) {
        for (Map.Entry<String, JsonNode> f : event.properties()) {
            if (!f.getKey().startsWith("_") && !SHOWN.contains(f.getKey())) {
                parts.add(f.getKey() + "=" + (f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString()));
            }
        }
    }

    private static void add(List<String> parts, String label, String value) {
        if (!value.isEmpty()) {
            parts.add(label + value);
        }
    }
}
