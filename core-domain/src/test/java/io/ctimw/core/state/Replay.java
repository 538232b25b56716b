package io.ctimw.core.state;

import io.ctimw.core.model.AgentState;
import io.ctimw.core.model.StoredEvent;
import java.util.List;

/**
 * What a client does with a snapshot: applies the events after its cursor, by the core's own rules. For tests
 * on every side of the state (the test-jar), so "snapshot + events after it" can be compared with a full replay.
 */
public final class Replay {
    private Replay() {
    }

    /** Every event from nothing: the state a full replay gives (cursor: the last event's, 0 for none). */
    public static AgentState of(List<StoredEvent> events) {
        return continued(new AgentState(0, null, List.of(), true), events);
    }

    /** The snapshot, then {@code events} (those after its cursor, in cursor order). */
    public static AgentState continued(AgentState snapshot, List<StoredEvent> events) {
        LoginState state = LoginState.parse(json(snapshot));
        long cursor = snapshot.cursor();
        for (StoredEvent e : events) {
            if (e.cursor() <= cursor) {
                throw new IllegalArgumentException("event " + e.cursor() + " is not after " + cursor);
            }
            state = StateReducer.apply(state, e);
            cursor = e.cursor();
        }
        return new AgentState(cursor, state.userStateJson(), state.callsJson(), state.phoneAvailable());
    }

    /** The state part of a snapshot, as the store keeps it. */
    public static String json(AgentState s) {
        return "{\"userState\":" + (s.userState() == null ? "null" : s.userState()) + ",\"calls\":["
                + String.join(",", s.calls()) + "],\"phone\":\"" + (s.phoneAvailable() ? "available" : "unavailable")
                + "\"}";
    }
}
