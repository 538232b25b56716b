package io.ctimw.core.model;

import java.util.List;

/** What an administrator changes on a user; a null member stays as it is. */
public record UserChange(Password password, Role role, Boolean enabled, List<String> grants) {
    public UserChange {
        grants = grants == null ? null : List.copyOf(grants);
        if (password == null && role == null && enabled == null && grants == null) {
            throw new IllegalArgumentException("nothing to change: give password, role, enabled or grants");
        }
    }

    /** Whether the change ends the user's sessions: a block, or a new password (old sessions go with it). */
    public boolean endsSessions() {
        return password != null || Boolean.FALSE.equals(enabled);
    }
}
