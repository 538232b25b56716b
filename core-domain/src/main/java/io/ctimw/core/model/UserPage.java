package io.ctimw.core.model;

import java.util.List;

/** One page of users; {@code next} is the {@code after} of the following page, null on the last one. */
public record UserPage(List<UserSummary> users, Login next) {
    public UserPage {
        users = List.copyOf(users);
    }
}
