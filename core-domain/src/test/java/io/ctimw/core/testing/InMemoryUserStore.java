package io.ctimw.core.testing;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.User;
import io.ctimw.core.model.UserQuery;
import io.ctimw.core.model.UserSummary;
import io.ctimw.core.port.out.DuplicateUserException;
import io.ctimw.core.port.out.SessionStore;
import io.ctimw.core.port.out.UserStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A thread-safe in-memory {@link UserStore}; can be switched "down" to exercise outage handling. Live
 * sessions are counted in the session store it is given, as the database counts the sessions table.
 */
public final class InMemoryUserStore implements UserStore {
    private volatile Runnable meanwhile;
    private final ConcurrentSkipListMap<Login, User> users = new ConcurrentSkipListMap<>();
    private final StoreOutage outage = new StoreOutage("user store");
    private final SessionStore sessions;

    /** A store whose users never have live sessions. */
    public InMemoryUserStore() {
        this(null);
    }

    public InMemoryUserStore(SessionStore sessions) {
        this.sessions = sessions;
    }

    /** While unavailable, every call throws {@link io.ctimw.core.port.out.StoreUnavailableException}. */
    public void setAvailable(boolean available) {
        outage.setAvailable(available);
    }

    @Override
    public Optional<User> find(Login login) {
        outage.check();
        return Optional.ofNullable(users.get(login));
    }

    @Override
    public void add(User user) {
        outage.check();
        if (users.putIfAbsent(user.login(), user) != null) {
            throw new DuplicateUserException(user.login().value());
        }
    }

    @Override
    public boolean update(User user) {
        outage.check();
        return users.computeIfPresent(user.login(), (l, u) -> new User(l, user.passwordHash(), user.enabled(),
                u.createdAt(), user.role(), user.grants(), u.lastLoginAt())) != null;
    }

    /** Runs {@code meanwhile} once, inside the next {@link #replace}, before it compares: another writer's edit. */
    public void onNextReplace(Runnable meanwhile) {
        this.meanwhile = meanwhile;
    }

    @Override
    public boolean replace(User expected, User changed) {
        outage.check();
        Runnable other = meanwhile;
        meanwhile = null;
        if (other != null) {
            other.run();
        }
        boolean[] replaced = {false};
        users.computeIfPresent(changed.login(), (l, u) -> {
            boolean same = u.passwordHash().equals(expected.passwordHash()) && u.enabled() == expected.enabled()
                    && u.role() == expected.role() && u.grants().equals(expected.grants());
            replaced[0] = same;
            return same ? new User(l, changed.passwordHash(), changed.enabled(), u.createdAt(), changed.role(),
                    changed.grants(), u.lastLoginAt()) : u;
        });
        return replaced[0];
    }

    @Override
    public void recordLogin(Login login, Instant at) {
        outage.check();
        users.computeIfPresent(login, (l, u) -> u.withLastLoginAt(at));
    }

    @Override
    public List<User> all() {
        outage.check();
        return List.copyOf(users.values()); // the skip-list map keeps Login order
    }

    @Override
    public List<UserSummary> list(UserQuery query, Instant now, Instant idleBefore) {
        outage.check();
        List<Login> live = sessions == null ? List.of()
                : sessions.live(now, idleBefore).stream().map(io.ctimw.core.model.Session::login).toList();
        return users.values().stream().filter(query::selects).limit(query.limit())
                .map(u -> new UserSummary(u, (int) live.stream().filter(u.login()::equals).count()))
                .toList();
    }
}
