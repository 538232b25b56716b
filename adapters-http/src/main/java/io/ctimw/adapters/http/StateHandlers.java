package io.ctimw.adapters.http;

import io.ctimw.core.model.AgentState;
import io.ctimw.core.port.in.StateUseCase;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/v1/state}: the caller's calls, user state and phone, with the cursor they are at. The
 * core's JSON objects are spliced in as they are (the CTI's field order and types), like the events.
 */
final class StateHandlers {
    private final StateUseCase states;

    StateHandlers(StateUseCase states) {
        this.states = states;
    }

    public void state(Context ctx) {
        AgentState state = states.state(Authenticator.sessionOf(ctx));
        ctx.header("X-Cursor", Long.toString(state.cursor()));
        JsonResponses.ok(ctx, body(state));
    }

    static byte[] body(AgentState state) {
        StringBuilder out = new StringBuilder(256).append("{\"cursor\":").append(state.cursor())
                .append(",\"userState\":").append(state.userState() == null ? "null" : state.userState())
                .append(",\"calls\":[").append(String.join(",", state.calls()))
                .append("],\"phone\":\"").append(state.phoneAvailable() ? "available" : "unavailable").append("\"}");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
