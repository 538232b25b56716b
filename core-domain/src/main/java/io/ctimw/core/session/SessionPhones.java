package io.ctimw.core.session;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.SessionPolicy;
import io.ctimw.core.port.out.SessionStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Keeps the phones the CTI link holds in step with the live sessions: a login's phone is wanted
 * from its first session and released when its last one ends, however it ended.
 */
public final class SessionPhones {
    private final SessionStore store;
    private final PhoneLinks phones;
    private final Clock clock;
    private final Supplier<SessionPolicy> policy;

    public SessionPhones(SessionStore store, PhoneLinks phones, Clock clock, Supplier<SessionPolicy> policy) {
        this.store = store;
        this.phones = phones;
        this.clock = clock;
        this.policy = policy;
    }

    /** Logins with a live session: the phones the CTI link must stay attached to. */
    public Set<Login> liveLogins() {
        Instant now = clock.instant();
        return store.loginsWithLiveSessions(now, now.minus(policy.get().idleTimeout()));
    }

    void opened(Login login) {
        phones.want(login);
    }

    void stillLive(Login login) {
        phones.ensureWanted(login);
    }

    void releaseIfLast(Login login) {
        if (!liveLogins().contains(login)) {
            phones.release(login);
        }
    }

    /** Releases phones whose sessions vanished without passing here (ended by the admin command). */
    void releaseOrphans() {
        Set<Login> live = liveLogins();
        phones.wantedLogins().stream().filter(l -> !live.contains(l)).forEach(phones::release);
    }
}
