package io.ctimw.core.session;

import io.ctimw.core.access.AccessGuard;
import io.ctimw.core.model.AuditAction;
import io.ctimw.core.model.AuditEntry;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.LoginResult;
import io.ctimw.core.model.Password;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.SessionPolicy;
import io.ctimw.core.model.SessionToken;
import io.ctimw.core.model.StreamEnd;
import io.ctimw.core.model.TokenHash;
import io.ctimw.core.port.in.AuthenticationUseCase;
import io.ctimw.core.port.out.AuditTrail;
import io.ctimw.core.port.out.EventStore;
import io.ctimw.core.port.out.SessionStore;
import io.ctimw.core.port.out.TokenGenerator;
import io.ctimw.core.port.out.UserStore;
import io.ctimw.core.throttle.LoginThrottle;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Opens, resolves and ends sessions. Sessions live in the {@link SessionStore} (they survive
 * restarts) and in a {@link SessionCache}, so authenticating a request costs no database round trip;
 * "last seen" is persisted at most once per {@code touchInterval}. A login the {@link LoginThrottle} has
 * locked is refused before its password is checked. The policy is read per call: a new idle timeout applies at once.
 */
public final class AuthenticationService implements AuthenticationUseCase {
    private static final System.Logger LOG = System.getLogger(AuthenticationService.class.getName());

    private final PasswordCheck passwords;
    private final SessionStore store;
    private final EventStore events;
    private final TokenGenerator tokens;
    private final SessionCache cache;
    private final SessionPhones phones;
    private final Clock clock;
    private final Supplier<SessionPolicy> policy;
    private final UserStore users;
    private final AccessGuard access;
    private final AuditTrail audit;
    private final LoginThrottle throttle;

    public AuthenticationService(PasswordCheck passwords, SessionStore store, EventStore events, TokenGenerator tokens,
                                 SessionCache cache, SessionPhones phones, Clock clock, Supplier<SessionPolicy> policy,
                                 UserStore users, AccessGuard access, AuditTrail audit, LoginThrottle throttle) {
        this.passwords = passwords;
        this.store = store;
        this.events = events;
        this.tokens = tokens;
        this.cache = cache;
        this.phones = phones;
        this.clock = clock;
        this.policy = policy;
        this.users = users;
        this.access = access;
        this.audit = audit;
        this.throttle = throttle;
    }

    @Override
    public LoginResult login(Login login, Password password, String clientAddress) {
        Optional<Duration> locked = throttle.lockedFor(login, clientAddress);
        if (locked.isPresent()) {
            LoginResult.Throttled throttled = new LoginResult.Throttled(locked.get());
            if (throttle.firstRefusal(login, clientAddress)) { // once per lock: a flood cannot flood the trail
                LOG.log(Level.INFO, "login of {0} throttled for {1} s", login, throttled.retryAfterSeconds());
                audit.record(AuditEntry.event(clock.instant(), AuditAction.LOGIN_THROTTLED, null, clientAddress,
                        login.value(), "too many failed logins; retry after " + throttled.retryAfterSeconds()
                                + " s (later attempts during this lock are refused without another entry)"));
            }
            return throttled;
        }
        PasswordCheck.Outcome checked = passwords.check(login, password);
        if (checked instanceof PasswordCheck.Outcome.Verified) {
            throttle.succeeded(login);
            return open(login, clientAddress);
        }
        if (checked instanceof PasswordCheck.Outcome.Busy) {
            return new LoginResult.Busy();
        }
        throttle.failed(login, clientAddress);
        audit.record(AuditEntry.event(clock.instant(), AuditAction.LOGIN_FAILED, null, clientAddress,
                login.value(), "wrong password, unknown or disabled login"));
        return new LoginResult.Rejected();
    }

    private LoginResult open(Login login, String clientAddress) {
        Instant now = clock.instant();
        SessionPolicy policy = this.policy.get();
        SessionToken token = tokens.next();
        // New sessions start at the login's newest stored event: what comes next (the attach's
        // UserState and Calls first) is theirs.
        Session session = new Session(token.hash(), login, now, now, now.plus(policy.absoluteTimeout()),
                events.latestCursor(login), clientAddress);
        store.save(session);
        users.recordLogin(login, now);
        cache.put(session);
        LOG.log(Level.INFO, "login {0} session {1}", login, session.tokenHash().tag());
        phones.opened(login);
        return new LoginResult.LoggedIn(session, token);
    }

    @Override
    public Optional<Session> authenticate(SessionToken token) {
        return authenticate(token.hash());
    }

    /** Whether the session is still live, checked (and touched) as a request would: for open event streams. */
    public boolean stillLive(TokenHash hash) {
        return authenticate(hash).isPresent();
    }

    private Optional<Session> authenticate(TokenHash hash) {
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
        SessionPolicy policy = this.policy.get();
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
        if (!access.mayStayLoggedIn(session.login())) { // blocked or deleted since it logged in
            end(session);
            return Optional.empty();
        }
        Session merged = cache.merge(session);
        if (merged == null) { // logged out while we were looking: do not resurrect it
            return Optional.empty();
        }
        phones.stillLive(merged.login()); // heals a release that raced with this login
        return Optional.of(merged);
    }

    @Override
    public void logout(Session session) {
        end(session, StreamEnd.LOGGED_OUT);
        LOG.log(Level.INFO, "logout {0} session {1}", session.login(), session.tokenHash().tag());
    }

    /** Ends the session here and in the store (logout, block, an administrator), releasing a last phone. */
    void end(Session session) {
        end(session, StreamEnd.SESSION_ENDED);
    }

    private void end(Session session, StreamEnd why) {
        cache.end(session.tokenHash(), clock.instant(), why);
        store.delete(session.tokenHash());
        phones.releaseIfLast(session.login());
    }

    /** Events up to {@code cursor} were handed to the session: its next request resumes after them. */
    public void delivered(TokenHash hash, long cursor) {
        cache.delivered(hash, cursor);
    }

    private void expire(Session session) {
        store.delete(session.tokenHash());
        cache.remove(session.tokenHash());
        phones.releaseIfLast(session.login());
    }
}
