package io.ctimw.core.auth;

import io.ctimw.core.call.PhoneAttachments;
import io.ctimw.core.port.in.AuthenticationUseCase;
import io.ctimw.core.port.out.EventStore;
import io.ctimw.core.port.out.PasswordHasher;
import io.ctimw.core.port.out.SessionStore;
import io.ctimw.core.port.out.TokenGenerator;
import io.ctimw.core.port.out.UserStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Logs agents in and out and resolves tokens to sessions. Sessions live in the {@link SessionStore}
 * (they survive restarts) and in a {@link SessionCache}, so authenticating a request costs no
 * database round trip; "last seen" is persisted at most once per {@code touchInterval}.
 */
public final class SessionService implements AuthenticationUseCase {
    private static final System.Logger LOG = System.getLogger(SessionService.class.getName());

    private final UserStore users;
    private final SessionStore store;
    private final EventStore events;
    private final PasswordHasher hasher;
    private final TokenGenerator tokens;
    private final PhoneAttachments attachments;
    private final Clock clock;
    private final SessionPolicy policy;
    private static final Duration LOGIN_QUEUE_WAIT = Duration.ofSeconds(2);

    private final String dummyHash;
    private final Semaphore loginChecks;
    private final SessionCache cache = new SessionCache();

    public SessionService(UserStore users, SessionStore store, EventStore events, PasswordHasher hasher,
                          TokenGenerator tokens, PhoneAttachments attachments, Clock clock, SessionPolicy policy) {
        this.users = users;
        this.store = store;
        this.events = events;
        this.hasher = hasher;
        this.tokens = tokens;
        this.attachments = attachments;
        this.clock = clock;
        this.policy = policy;
        this.loginChecks = new Semaphore(policy.maxConcurrentLogins());
        // Unknown logins are checked against this hash so they take as long as a wrong password.
        this.dummyHash = hasher.hash(new Password("timing-equaliser-not-a-real-password"));
    }

    @Override
    public LoginResult login(Login login, Password password) {
        // Each check costs a bcrypt hash (~0.1-0.3 s of CPU): bound how many run at once so a login
        // flood cannot starve event delivery, and tell the excess to come back instead of queueing.
        try {
            if (!loginChecks.tryAcquire(LOGIN_QUEUE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(Level.WARNING, "login of {0} turned away: {1} logins already being checked",
                        login, policy.maxConcurrentLogins());
                return new LoginResult.Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new LoginResult.Busy();
        }
        try {
            return checkedLogin(login, password);
        } finally {
            loginChecks.release();
        }
    }

    private LoginResult checkedLogin(Login login, Password password) {
        Optional<User> user = users.find(login);
        boolean matches = hasher.matches(password, user.map(User::passwordHash).orElse(dummyHash));
        if (user.isEmpty() || !matches || !user.get().enabled()) {
            LOG.log(Level.INFO, "login refused for {0}", login);
            return new LoginResult.Rejected();
        }
        Instant now = clock.instant();
        SessionToken token = tokens.next();
        // New sessions start at the login's newest stored event: what comes next (the attach's
        // UserState and Calls first) is theirs.
        Session session = new Session(token.hash(), login, now, now, now.plus(policy.absoluteTimeout()),
                events.latestCursor(login));
        store.save(session);
        cache.put(session);
        LOG.log(Level.INFO, "login {0} session {1}", login, session.tokenHash().tag());
        attachments.want(login);
        return new LoginResult.LoggedIn(session, token);
    }

    @Override
    public Optional<Session> authenticate(SessionToken token) {
        TokenHash hash = token.hash();
        if (cache.isEnded(hash)) {
            return Optional.empty();
        }
        Session session = cache.get(hash);
        if (session == null) {
            session = store.find(hash).orElse(null);
            if (session == null) {
                return Optional.empty();
            }
        }
        Instant now = clock.instant();
        if (!session.isLive(now, policy.idleTimeout())) {
            expire(session);
            return Optional.empty();
        }
        if (session.lastSeenAt().plus(policy.touchInterval()).isBefore(now)) {
            // Re-read before touching: an administrator (another process) may have ended the session.
            Optional<Session> stored = store.find(hash);
            if (stored.isEmpty()) {
                cache.remove(hash);
                return Optional.empty();
            }
            store.touch(hash, now);
            session = stored.get().seenAt(now);
        }
        Session merged = cache.merge(session);
        if (merged == null) { // logged out while we were looking: do not resurrect it
            return Optional.empty();
        }
        attachments.ensureWanted(merged.login()); // heals a release that raced with this login
        return Optional.of(merged);
    }

    @Override
    public void logout(Session session) {
        cache.end(session.tokenHash(), clock.instant());
        store.delete(session.tokenHash());
        LOG.log(Level.INFO, "logout {0} session {1}", session.login(), session.tokenHash().tag());
        releaseIfLast(session.login());
    }

    /**
     * Records that events up to {@code cursor} were handed to this session. The cache has it at once;
     * the store gets it with the next {@link #flushDeliveredCursors()} (a database write per delivered
     * poll was the delivery path's main cost).
     */
    public void delivered(Session session, long cursor) {
        cache.delivered(session.tokenHash(), cursor);
    }

    /** Writes the delivery positions recorded since the last call, in one batch. */
    public void flushDeliveredCursors() {
        Map<TokenHash, Long> batch = cache.takeUnsavedCursors();
        if (batch.isEmpty()) {
            return;
        }
        try {
            store.advanceCursors(batch);
        } catch (RuntimeException e) {
            cache.giveBack(batch); // the next round tries again
            throw e;
        }
    }

    /** Deletes expired sessions and releases phones nobody is logged in to any more. */
    public int expireSessions() {
        Instant now = clock.instant();
        List<Session> expired = store.deleteExpired(now, now.minus(policy.idleTimeout()));
        expired.forEach(s -> cache.remove(s.tokenHash()));
        cache.evict(now, policy.idleTimeout(), policy.touchInterval().multipliedBy(4));
        // Also release phones whose sessions vanished another way (ended by the admin command).
        Set<Login> live = liveLogins();
        attachments.wantedLogins().stream().filter(l -> !live.contains(l)).forEach(attachments::release);
        return expired.size();
    }

    /** Logins with a live session: the phones the CTI link must stay attached to. */
    public Set<Login> liveLogins() {
        Instant now = clock.instant();
        return store.loginsWithLiveSessions(now, now.minus(policy.idleTimeout()));
    }

    private void expire(Session session) {
        store.delete(session.tokenHash());
        cache.remove(session.tokenHash());
        releaseIfLast(session.login());
    }

    private void releaseIfLast(Login login) {
        if (!liveLogins().contains(login)) {
            attachments.release(login);
        }
    }
}
