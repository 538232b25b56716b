package io.ctimw.core.session;

import io.ctimw.core.model.Session;
import io.ctimw.core.model.SessionPolicy;
import io.ctimw.core.port.out.SessionStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** Ends sessions past their idle or absolute timeout, and releases the phones nobody needs any more. */
public final class SessionExpiry {
    private final SessionStore store;
    private final SessionCache cache;
    private final SessionPhones phones;
    private final Clock clock;
    private final Supplier<SessionPolicy> policy;

    public SessionExpiry(SessionStore store, SessionCache cache, SessionPhones phones, Clock clock,
                         Supplier<SessionPolicy> policy) {
        this.store = store;
        this.cache = cache;
        this.phones = phones;
        this.clock = clock;
        this.policy = policy;
    }

    /** One round; returns how many stored sessions were deleted. */
    public int expireSessions() {
        Instant now = clock.instant();
        List<Session> expired = store.deleteExpired(now, now.minus(policy.get().idleTimeout()));
        expired.forEach(s -> cache.remove(s.tokenHash()));
        cache.evict(now, policy.get().idleTimeout(), policy.get().touchInterval().multipliedBy(4));
        phones.releaseOrphans();
        return expired.size();
    }
}
