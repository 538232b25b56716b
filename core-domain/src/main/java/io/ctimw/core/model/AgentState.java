package io.ctimw.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A login's state after every one of its stored events up to and including {@code cursor} (0: none yet), so
 * that reading events after {@code cursor} continues it with no gap and no repeat.
 *
 * @param userState the fields of the last {@code UserState} as a JSON object, or null before any
 * @param calls     the current calls, each a JSON object of its fields as the CTI last described them
 * @param phoneAvailable false from {@code mw.PhoneUnavailable} until {@code mw.PhoneAvailable}
 */
public record AgentState(long cursor, String userState, List<String> calls, boolean phoneAvailable) {
    public AgentState {
        if (cursor < 0) {
            throw new IllegalArgumentException("cursor must not be negative");
        }
        calls = List.copyOf(Objects.requireNonNull(calls, "calls"));
    }
}
