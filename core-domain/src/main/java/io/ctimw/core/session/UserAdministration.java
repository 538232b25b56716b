package io.ctimw.core.session;

import io.ctimw.core.access.UserDirectory;
import io.ctimw.core.model.Grants;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.Password;
import io.ctimw.core.model.Role;
import io.ctimw.core.model.User;
import io.ctimw.core.port.in.UserAdministrationUseCase;
import io.ctimw.core.port.out.PasswordHasher;
import io.ctimw.core.port.out.SessionStore;
import io.ctimw.core.port.out.UserStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Adds, re-keys, blocks and lists user accounts; passwords are only ever stored as bcrypt hashes. Every
 * change is applied to this instance's {@link UserDirectory} at once, and a change that must end the
 * user's sessions (blocked, new password) ends them here too, releasing the phone.
 */
public final class UserAdministration implements UserAdministrationUseCase {
    /** Edits in a row that another writer may overtake before this one gives up (it never has to in practice). */
    private static final int MAX_ATTEMPTS = 16;

    private final UserStore users;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final UserDirectory directory;
    private final SessionCache cache;
    private final SessionPhones phones;
    private final Supplier<Grants> defaultGrants;
    /** Told when a blocked user is enabled again: its login throttle starts afresh too. */
    private final Consumer<Login> unblocked;

    public UserAdministration(UserStore users, SessionStore sessions, PasswordHasher hasher, Clock clock,
                              UserDirectory directory, SessionCache cache, SessionPhones phones,
                              Supplier<Grants> defaultGrants, Consumer<Login> unblocked) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.clock = clock;
        this.directory = directory;
        this.cache = cache;
        this.phones = phones;
        this.defaultGrants = defaultGrants;
        this.unblocked = unblocked;
    }

    @Override
    public User add(Login login, Password password, Role role) {
        return add(login, password, role, role == Role.ADMIN ? Grants.NONE : defaultGrants.get());
    }

    /** Adds an enabled user with exactly these grants. */
    User add(Login login, Password password, Role role, Grants grants) {
        User user = new User(login, hash(password), true, clock.instant(), role, grants,
                null);
        users.add(user);
        directory.changed(user);
        return user;
    }

    @Override
    public boolean changePassword(Login login, Password password) {
        String hash = hash(password);
        return change(login, u -> u.withPasswordHash(hash), true).isPresent(); // old sessions end
    }

    @Override
    public boolean disable(Login login) {
        return change(login, u -> u.withEnabled(false), true).isPresent();
    }

    @Override
    public boolean enable(Login login) {
        return change(login, u -> u.withEnabled(true), false).isPresent();
    }

    @Override
    public boolean setRole(Login login, Role role) {
        return change(login, u -> u.withRole(role), false).isPresent();
    }

    @Override
    public List<User> list() {
        return users.all();
    }

    /**
     * Stores the changed user, applies it to this instance, and ends its sessions when asked to;
     * @return the user as changed, empty when there is no such user
     */
    Optional<User> change(Login login, UnaryOperator<User> edit, boolean endSessions) {
        Optional<User> before;
        User after;
        int attempts = 0;
        do { // compare-and-set: an edit made meanwhile elsewhere is read again and this one applied on top of it
            if (++attempts > MAX_ATTEMPTS) {
                throw new IllegalStateException("user " + login + " changed " + MAX_ATTEMPTS + " times during one edit");
            }
            before = users.find(login);
            if (before.isEmpty()) {
                return Optional.empty();
            }
            after = edit.apply(before.get());
        } while (!users.replace(before.get(), after));
        directory.changed(after);
        if (after.enabled() && !before.get().enabled()) {
            unblocked.accept(login);
        }
        if (endSessions) {
            sessions.deleteAllOf(login);
            cache.endAllOf(login, clock.instant());
            phones.releaseIfLast(login);
        }
        return Optional.of(after);
    }

    /** A new password's hash, checked for strength first. */
    String hash(Password password) {
        return hasher.hash(password.requireStrongEnough());
    }
}
