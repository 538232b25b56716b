package io.ctimw.core.throttle;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.ThrottlePolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Slows password guessing (OWASP ASVS V2.2): too many failed logins of one login, or from one client
 * address across logins, lock it for a while, and a locked attempt is refused before its password is
 * hashed (it costs no bcrypt, and not even a database read). Per instance, in memory, bounded; the
 * policy is read on every call, so a changed setting applies to the next attempt.
 */
public final class LoginThrottle {
    /** Keys each ledger keeps at most, unless told otherwise: ~200 bytes each, so ~20 MB when full. */
    public static final int DEFAULT_CAPACITY = 100_000;

    private final FailureLedger logins;
    private final FailureLedger addresses;
    private final Supplier<ThrottlePolicy> policy;
    private final Clock clock;

    public LoginThrottle(Supplier<ThrottlePolicy> policy, Clock clock, int capacity) {
        this.policy = policy;
        this.clock = clock;
        this.logins = new FailureLedger(capacity);
        this.addresses = new FailureLedger(capacity);
    }

    /** How long the login, or the address (null: unknown), must still wait; empty when it may try now. */
    public Optional<Duration> lockedFor(Login login, String address) {
        Duration window = policy.get().window();
        Optional<Duration> byLogin = logins.lockedFor(login.value(), clock.instant(), window);
        Optional<Duration> byAddress = address == null ? Optional.empty()
                : addresses.lockedFor(address, clock.instant(), window);
        if (byLogin.isPresent() && byAddress.isPresent()) {
            return Optional.of(byLogin.get().compareTo(byAddress.get()) >= 0 ? byLogin.get() : byAddress.get());
        }
        return byLogin.isPresent() ? byLogin : byAddress;
    }

    /**
     * Whether a refused attempt is the first its lock refused (of the login's lock, or else the address's):
     * only those are logged and audited, so hammering a locked login cannot flood the log or the audit trail.
     */
    public boolean firstRefusal(Login login, String address) {
        Duration window = policy.get().window();
        boolean byLogin = logins.firstRefusal(login.value(), clock.instant(), window);
        boolean byAddress = address != null && addresses.firstRefusal(address, clock.instant(), window);
        return byLogin || byAddress;
    }

    /** Counts a wrong password (or unknown or disabled login) against the login and the address. */
    public void failed(Login login, String address) {
        ThrottlePolicy p = policy.get();
        logins.failed(login.value(), clock.instant(), p, p.maxFailures());
        if (address != null) {
            addresses.failed(address, clock.instant(), p, p.maxFailuresPerAddress());
        }
    }

    /**
     * A successful login forgets the login's failures. The address keeps its count: one valid account must
     * not let an address go on guessing the others'.
     */
    public void succeeded(Login login) {
        logins.clear(login.value());
    }

    /** Unblocks a login at once (an administrator's reset, or re-enabling the account). @return whether it had failures */
    public boolean resetThrottle(Login login) {
        return logins.clear(login.value());
    }

    /** Keys tracked now, logins and addresses together (for tests of the bound). */
    public int tracked() {
        return logins.size() + addresses.size();
    }
}
