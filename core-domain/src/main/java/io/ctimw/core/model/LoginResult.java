package io.ctimw.core.model;

import java.time.Duration;
import java.util.Objects;

/** The outcome of a login attempt; a rejection never says whether the login or the password was wrong. */
public sealed interface LoginResult {
    record LoggedIn(Session session, SessionToken token) implements LoginResult {}

    record Rejected() implements LoginResult {}

    /** Too many logins are being checked right now (bcrypt is deliberately slow); try again shortly. */
    record Busy() implements LoginResult {}

    /** Too many failed logins for this login or from this address: nothing was checked; retry after the delay. */
    record Throttled(Duration retryAfter) implements LoginResult {
        public Throttled {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        /** The delay in whole seconds, rounded up and at least 1 (what {@code Retry-After} carries). */
        public long retryAfterSeconds() {
            long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
            return Math.max(1, seconds);
        }
    }
}
