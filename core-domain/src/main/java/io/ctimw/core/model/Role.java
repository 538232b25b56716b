package io.ctimw.core.model;

import java.util.Locale;

/** What a user is: an agent (reads its events, controls its phone) or an administrator of the platform. */
public enum Role {
    AGENT, ADMIN;

    /** The name used on the wire and in the database: {@code agent}, {@code admin}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static Role parse(String value) {
        for (Role role : values()) {
            if (role.wireName().equals(value)) {
                return role;
            }
        }
        throw new IllegalArgumentException("role must be agent or admin, not '" + value + "'");
    }

    @Override
    public String toString() {
        return wireName();
    }
}
