package io.ctimw.core.testing;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.User;
import io.ctimw.core.port.out.DuplicateUserException;
import io.ctimw.core.port.out.UserStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** A thread-safe in-memory {@link UserStore}; can be switched "down" to exercise outage handling. */
public final class InMemoryUserStore implements UserStore {
    private final ConcurrentSkipListMap<Login, User> users = new ConcurrentSkipListMap<>();
    private final StoreOutage outage = new StoreOutage("user store");

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
}
