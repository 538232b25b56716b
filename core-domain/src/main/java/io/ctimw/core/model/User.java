package io.ctimw.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A user of the middleware: the contact-center login it maps to, its bcrypt password hash, its role and
 * the API methods it may use. {@code lastLoginAt} is null until its first login.
 */
public record User(Login login, String passwordHash, boolean enabled, Instant createdAt, Role role, Grants grants,
                   Instant lastLoginAt) {
    public User {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(grants, "grants");
    }

    /** An agent with every grant that never logged in: what every account was before roles existed. */
    public User(Login login, String passwordHash, boolean enabled, Instant createdAt) {
        this(login, passwordHash, enabled, createdAt, Role.AGENT, Grants.ALL, null);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public User withPasswordHash(String hash) {
        return new User(login, hash, enabled, createdAt, role, grants, lastLoginAt);
    }

    public User withEnabled(boolean value) {
        return new User(login, passwordHash, value, createdAt, role, grants, lastLoginAt);
    }

    public User withRole(Role value) {
        return new User(login, passwordHash, enabled, createdAt, value, grants, lastLoginAt);
    }

    public User withGrants(Grants value) {
        return new User(login, passwordHash, enabled, createdAt, role, value, lastLoginAt);
    }

    public User withLastLoginAt(Instant value) {
        return new User(login, passwordHash, enabled, createdAt, role, grants, value);
    }

    @Override
    public String toString() { // never the password hash
        return "User[login=" + login + ", role=" + role + ", enabled=" + enabled + ", grants=" + grants
                + ", createdAt=" + createdAt + ", lastLoginAt=" + lastLoginAt + "]";
    }
}
