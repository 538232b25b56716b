package io.ctimw.core.model;

import java.util.List;
import java.util.Objects;

/**
 * An account an administrator adds. {@code role} null means agent; {@code grants} null means the
 * role's default (the configured default set for agents, none for administrators). Grants stay text
 * here: the core checks them against the command catalog and names the one it refuses.
 */
public record NewUser(Login login, Password password, Role role, List<String> grants) {
    public NewUser {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(password, "password");
        grants = grants == null ? null : List.copyOf(grants);
    }
}
