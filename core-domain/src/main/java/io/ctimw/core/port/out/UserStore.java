package io.ctimw.core.port.out;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.User;
import io.ctimw.core.model.UserQuery;
import io.ctimw.core.model.UserSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The user accounts, with their roles and grants. */
public interface UserStore {
    Optional<User> find(Login login);

    /** @throws DuplicateUserException when the login exists already */
    void add(User user);

    /**
     * Stores the user's password hash, enabled flag, role and grants (its login, creation and last login
     * times stay as stored); @return false when there is no such user
     */
    boolean update(User user);

    /**
     * Like {@link #update}, but only while the stored password hash, enabled flag, role and grants are still
     * those of {@code expected} (compare-and-set: a change made meanwhile by another administrator or another
     * instance is never overwritten); @return false when the user is gone or was changed meanwhile
     */
    boolean replace(User expected, User changed);

    /** Remembers the time of the user's latest login. */
    void recordLogin(Login login, Instant at);

    /** All users, ordered by login. */
    List<User> all();

    /**
     * The users the query selects, ordered by login (by code point), at most {@code query.limit()}, each
     * with its count of live sessions ({@code expiresAt > now} and {@code lastSeenAt > idleBefore}).
     */
    List<UserSummary> list(UserQuery query, Instant now, Instant idleBefore);
}
