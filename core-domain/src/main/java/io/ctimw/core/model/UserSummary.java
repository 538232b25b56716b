package io.ctimw.core.model;

import java.util.Objects;

/** A user as administrators see it: the account and how many live sessions it has right now. */
public record UserSummary(User user, int activeSessions) {
    public UserSummary {
        Objects.requireNonNull(user, "user");
        if (activeSessions < 0) {
            throw new IllegalArgumentException("activeSessions must not be negative");
        }
    }
}
