package io.ctimw.core.port.out;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.User;
import java.util.List;
import java.util.Optional;

/** The agent accounts. */
public interface UserStore {
    Optional<User> find(Login login);

    /** @throws DuplicateUserException when the login exists already */
    void add(User user);

    /** @return false when there is no such user */
    boolean updatePasswordHash(Login login, String passwordHash);

    /** @return false when there is no such user */
    boolean setEnabled(Login login, boolean enabled);

    /** All users, ordered by login. */
    List<User> all();
}
