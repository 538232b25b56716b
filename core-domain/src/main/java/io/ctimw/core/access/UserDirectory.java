package io.ctimw.core.access;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.User;
import io.ctimw.core.port.out.StoreUnavailableException;
import io.ctimw.core.port.out.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The users as this instance knows them, so checking a request's role and grants costs no database
 * round trip. A change made through this instance's core is applied here at once ({@link #changed});
 * a change made elsewhere (the {@code users} command, another instance) is seen once the entry is older
 * than {@code maxAge}. While the store is unreachable an older entry is still used rather than refusing
 * every request.
 */
public final class UserDirectory {
    private record Entry(Optional<User> user, Instant loadedAt) {}

    private final UserStore store;
    private final Clock clock;
    private final Duration maxAge;
    private final Map<Login, Entry> entries = new ConcurrentHashMap<>();

    public UserDirectory(UserStore store, Clock clock, Duration maxAge) {
        this.store = store;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** The user as last stored; empty when there is no such user. */
    public Optional<User> find(Login login) {
        Instant now = clock.instant();
        Entry entry = entries.get(login);
        if (entry != null && entry.loadedAt().plus(maxAge).isAfter(now)) {
            return entry.user();
        }
        try {
            Optional<User> user = store.find(login);
            Entry fresh = new Entry(user, now);
            // Only if nobody changed the entry meanwhile: a change applied by changed() while we were reading
            // the store is newer than what we read, and must not be overwritten by it.
            boolean stored = entry == null ? entries.putIfAbsent(login, fresh) == null : entries.replace(login, entry, fresh);
            return stored ? user : entries.get(login).user();
        } catch (StoreUnavailableException e) {
            if (entry != null) {
                return entry.user();
            }
            throw e;
        }
    }

    /** This instance changed (or added) the user: the next request of each of its sessions sees it. */
    public void changed(User user) {
        entries.put(user.login(), new Entry(Optional.of(user), clock.instant()));
    }

    /** Forget what is known of the login: the next look-up reads the store. */
    public void forget(Login login) {
        entries.remove(login);
    }
}
