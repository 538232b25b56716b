package io.ctimw.core.model;

import io.ctimw.core.model.CallId;
import io.ctimw.core.model.Login;
import java.util.List;
import java.util.Objects;

/**
 * One event from the CTI about one login, with the few fields the core reads already extracted by
 * the adapter. {@code json} is the event exactly as received (every field, unknown ones too).
 *
 * @param cid   the event's {@code cid}, or null
 * @param calls for {@code Calls}: the cids of the listed calls; otherwise null
 * @param state for {@code UserState}: the state; otherwise null
 */
public record CtiEvent(Login login, String name, CallId cid, List<CallId> calls, String state, String json) {
    public CtiEvent {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(json, "json");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("event name must not be empty");
        }
        calls = calls == null ? null : List.copyOf(calls);
    }
}
