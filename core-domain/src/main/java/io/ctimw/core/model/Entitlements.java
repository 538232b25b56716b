package io.ctimw.core.model;

import java.util.List;
import java.util.Objects;

/**
 * What a session's user may do, as the core decides it: its role and grants, the catalog commands those
 * grants cover (catalog order) and the states {@code ChangeUserState} may set (none without that grant).
 * Clients show only these controls; every request is still checked on its own.
 */
public record Entitlements(Role role, Grants grants, List<String> commands, List<String> states) {
    public Entitlements {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(grants, "grants");
        commands = List.copyOf(commands);
        states = List.copyOf(states);
    }
}
