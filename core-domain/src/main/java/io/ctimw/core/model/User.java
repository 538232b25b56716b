package io.ctimw.core.model;

import java.time.Instant;
import java.util.Objects;

/** An agent account of the middleware: the login it maps to and its bcrypt password hash. */
public record User(Login login, String passwordHash, boolean enabled, Instant createdAt) {
    public User {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "User[login=" + login + ", enabled=" + enabled + ", createdAt=" + createdAt + "]";
    }
}
