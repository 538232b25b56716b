package io.ctimw.core.session;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.Password;
import io.ctimw.core.model.User;
import io.ctimw.core.port.out.PasswordHasher;
import io.ctimw.core.port.out.UserStore;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Checks a login's password. Each check costs a bcrypt hash (~0.1-0.3 s of CPU), so only a few run
 * at once and the excess is turned away at once: a flood of logins must neither starve event
 * delivery of CPU nor park the HTTP threads waiting for a turn.
 */
public final class PasswordCheck {
    private static final System.Logger LOG = System.getLogger(PasswordCheck.class.getName());

    /** What the check found; a refusal never says whether the login or the password was wrong. */
    public sealed interface Outcome {
        record Verified(User user) implements Outcome {}

        record Refused() implements Outcome {}

        /** Every check slot is taken; nothing was checked. */
        record Busy() implements Outcome {}
    }

    private final UserStore users;
    private final PasswordHasher hasher;
    private final Semaphore slots;
    private final int maxConcurrent;
    private final String dummyHash;

    public PasswordCheck(UserStore users, PasswordHasher hasher, int maxConcurrent) {
        this.users = users;
        this.hasher = hasher;
        this.maxConcurrent = maxConcurrent;
        this.slots = new Semaphore(maxConcurrent);
        // Unknown logins are checked against this hash so they take as long as a wrong password.
        this.dummyHash = hasher.hash(new Password("timing-equaliser-not-a-real-password"));
    }

    public Outcome check(Login login, Password password) {
        if (!slots.tryAcquire()) {
            LOG.log(Level.WARNING, "login of {0} turned away: {1} logins already being checked", login, maxConcurrent);
            return new Outcome.Busy();
        }
        try {
            Optional<User> user = users.find(login);
            boolean matches = hasher.matches(password, user.map(User::passwordHash).orElse(dummyHash));
            if (user.isEmpty() || !matches || !user.get().enabled()) {
                LOG.log(Level.INFO, "login refused for {0}", login);
                return new Outcome.Refused();
            }
            return new Outcome.Verified(user.get());
        } finally {
            slots.release();
        }
    }
}
