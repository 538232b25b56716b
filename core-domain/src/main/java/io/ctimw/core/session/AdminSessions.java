package io.ctimw.core.session;

import io.ctimw.core.access.AccessGuard;
import io.ctimw.core.model.AdminOutcome;
import io.ctimw.core.model.AuditAction;
import io.ctimw.core.model.AuditEntry;
import io.ctimw.core.model.LiveSession;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.Session;
import io.ctimw.core.port.in.AdminSessionsUseCase;
import io.ctimw.core.port.out.AuditTrail;
import io.ctimw.core.port.out.EventStore;
import io.ctimw.core.port.out.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The admin API's sessions: who is logged in (the store's sessions, freshened by what this instance saw
 * since its last write-behind) and ending one, exactly as a logout ends it, audited.
 */
public final class AdminSessions implements AdminSessionsUseCase {
    private final AccessGuard access;
    private final SessionStore store;
    private final SessionCache cache;
    private final AuthenticationService authentication;
    private final EventStore events;
    private final Clock clock;
    private final Supplier<Duration> idleTimeout;
    private final AuditTrail audit;

    public AdminSessions(AccessGuard access, SessionStore store, SessionCache cache,
                         AuthenticationService authentication, EventStore events, Clock clock, Supplier<Duration> idleTimeout,
                         AuditTrail audit) {
        this.access = access;
        this.store = store;
        this.cache = cache;
        this.authentication = authentication;
        this.events = events;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.audit = audit;
    }

    @Override
    public List<LiveSession> list(Session caller) {
        access.requireAdmin(caller);
        List<Session> live = live();
        Map<Login, Long> newest = events.latestCursors(new TreeSet<>(live.stream().map(Session::login).toList()));
        return live.stream()
                .map(s -> new LiveSession(s, Math.max(0, newest.getOrDefault(s.login(), 0L) - s.deliveredCursor())))
                .toList();
    }

    @Override
    public AdminOutcome<Session> end(Session caller, String sessionId) {
        access.requireAdmin(caller);
        Optional<Session> target = live().stream().filter(s -> s.id().equals(sessionId)).findFirst();
        if (target.isEmpty()) {
            return new AdminOutcome.NotFound<>("no live session " + sessionId);
        }
        Session session = target.get();
        authentication.end(session);
        audit.record(new AuditEntry(clock.instant(), AuditAction.SESSION_ENDED, caller.login(), caller.clientAddress(),
                session.login().value(), null, null, "session " + session.id()));
        return new AdminOutcome.Done<>(session);
    }

    /** The store's live sessions, each with the newer "last seen" and cursor this instance may hold. */
    private List<Session> live() {
        Instant now = clock.instant();
        return store.live(now, now.minus(idleTimeout.get())).stream().map(this::freshest).toList();
    }

    private Session freshest(Session stored) {
        Session cached = cache.get(stored.tokenHash());
        if (cached == null) {
            return stored;
        }
        Session seen = cached.lastSeenAt().isAfter(stored.lastSeenAt()) ? stored.seenAt(cached.lastSeenAt()) : stored;
        return seen.deliveredUpTo(cached.deliveredCursor());
    }
}
