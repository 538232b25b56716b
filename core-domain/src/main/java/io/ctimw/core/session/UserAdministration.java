package io.ctimw.core.session;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.Password;
import io.ctimw.core.model.User;
import io.ctimw.core.port.in.UserAdministrationUseCase;
import io.ctimw.core.port.out.PasswordHasher;
import io.ctimw.core.port.out.SessionStore;
import io.ctimw.core.port.out.UserStore;
import java.time.Clock;
import java.util.List;

/** Adds, re-keys, disables and lists agent accounts; passwords are only ever stored as bcrypt hashes. */
public final class UserAdministration implements UserAdministrationUseCase {
    private final UserStore users;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final Clock clock;

    public UserAdministration(UserStore users, SessionStore sessions, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Override
    public User add(Login login, Password password) {
        User user = new User(login, hasher.hash(password.requireStrongEnough()), true, clock.instant());
        users.add(user);
        return user;
    }

    @Override
    public boolean changePassword(Login login, Password password) {
        boolean changed = users.updatePasswordHash(login, hasher.hash(password.requireStrongEnough()));
        if (changed) {
            sessions.deleteAllOf(login); // a new password ends the sessions opened with the old one
        }
        return changed;
    }

    @Override
    public boolean disable(Login login) {
        boolean changed = users.setEnabled(login, false);
        if (changed) {
            sessions.deleteAllOf(login);
        }
        return changed;
    }

    @Override
    public boolean enable(Login login) {
        return users.setEnabled(login, true);
    }

    @Override
    public List<User> list() {
        return users.all();
    }
}
