package io.ctimw.core.model;

/**
 * Which users an administrator lists: {@code login} (exactly), {@code loginContains} (a case-sensitive
 * substring of the login), {@code role} and {@code enabled} filter when not null; {@code after} pages on (users whose login sorts
 * after it, by code point); at most {@code limit} users, ordered by login.
 */
public record UserQuery(Login login, String loginContains, Role role, Boolean enabled, Login after, int limit) {
    public static final int MAX_LIMIT = 500;

    public UserQuery {
        if (limit < 1 || limit > MAX_LIMIT + 1) { // +1: the use case reads one more to know a next page exists
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT);
        }
        if (loginContains != null && loginContains.length() > Login.MAX_LENGTH) {
            throw new IllegalArgumentException("q must be at most " + Login.MAX_LENGTH + " characters");
        }
    }

    /** Enabled administrators: the ones the last-admin rule counts. */
    public static UserQuery enabledAdmins(int limit) {
        return new UserQuery(null, null, Role.ADMIN, true, null, limit);
    }

    /** Just this user. */
    public static UserQuery only(Login login) {
        return new UserQuery(login, null, null, null, null, 1);
    }

    public UserQuery withLimit(int value) {
        return new UserQuery(login, loginContains, role, enabled, after, value);
    }

    /** Whether the user is one this query selects (all but the limit). */
    public boolean selects(User user) {
        return (login == null || user.login().equals(login))
                && (loginContains == null || user.login().value().contains(loginContains))
                && (role == null || user.role() == role)
                && (enabled == null || user.enabled() == enabled)
                && (after == null || user.login().compareTo(after) > 0);
    }
}
