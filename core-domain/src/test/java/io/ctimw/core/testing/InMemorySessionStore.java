package io.ctimw.core.testing;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.TokenHash;
import io.ctimw.core.port.out.SessionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A thread-safe in-memory {@link SessionStore}. Liveness matches {@link Session#isLive}: a session is
 * live while {@code now < expiresAt} and {@code lastSeenAt > idleBefore}; every other session is expired.
 */
public final class InMemorySessionStore implements SessionStore {
    private final Map<TokenHash, Session> sessions = new HashMap<>();
    private final StoreOutage outage = new StoreOutage("session store");

    /** While unavailable, every call throws {@link io.ctimw.core.port.out.StoreUnavailableException}. */
    public void setAvailable(boolean available) {
        outage.setAvailable(available);
    }

    /** Saving a session whose token hash is stored already replaces it. */
    @Override
    public synchronized void save(Session session) {
        outage.check();
        sessions.put(session.tokenHash(), session);
    }

    @Override
    public synchronized Optional<Session> find(TokenHash tokenHash) {
        outage.check();
        return Optional.ofNullable(sessions.get(tokenHash));
    }

    @Override
    public synchronized void touch(TokenHash tokenHash, Instant lastSeenAt) {
        outage.check();
        sessions.computeIfPresent(tokenHash,
                (h, s) -> lastSeenAt.isAfter(s.lastSeenAt()) ? s.seenAt(lastSeenAt) : s);
    }

    @Override
    public synchronized void advanceCursors(java.util.Map<TokenHash, Long> cursors) {
        outage.check();
        cursors.forEach(this::advanceCursor);
    }

    private void advanceCursor(TokenHash tokenHash, long cursor) {
        sessions.computeIfPresent(tokenHash, (h, s) -> s.deliveredUpTo(cursor));
    }

    @Override
    public synchronized boolean delete(TokenHash tokenHash) {
        outage.check();
        return sessions.remove(tokenHash) != null;
    }

    @Override
    public synchronized List<Session> deleteExpired(Instant now, Instant idleBefore) {
        outage.check();
        return removeIf(s -> !isLive(s, now, idleBefore));
    }

    @Override
    public synchronized Set<Login> loginsWithLiveSessions(Instant now, Instant idleBefore) {
        outage.check();
        Set<Login> logins = new TreeSet<>();
        sessions.values().stream().filter(s -> isLive(s, now, idleBefore)).forEach(s -> logins.add(s.login()));
        return logins;
    }

    @Override
    public synchronized List<Session> deleteAllOf(Login login) {
        outage.check();
        return removeIf(s -> s.login().equals(login));
    }

    private static boolean isLive(Session s, Instant now, Instant idleBefore) {
        return now.isBefore(s.expiresAt()) && s.lastSeenAt().isAfter(idleBefore);
    }

    private List<Session> removeIf(Predicate<Session> doomed) {
        List<Session> removed = new ArrayList<>();
        for (Iterator<Session> it = sessions.values().iterator(); it.hasNext(); ) {
            Session s = it.next();
            if (doomed.test(s)) {
                removed.add(s);
                it.remove();
            }
        }
        return removed;
    }

    @Override
    public synchronized List<Session> live(Instant now, Instant idleBefore) {
        outage.check();
        return sessions.values().stream().filter(s -> isLive(s, now, idleBefore))
                .sorted(java.util.Comparator.comparing(Session::login).thenComparing(Session::createdAt)
                        .thenComparing(s -> s.tokenHash().hex()))
                .toList();
    }
}
