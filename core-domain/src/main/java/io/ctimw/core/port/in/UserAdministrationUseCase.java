package io.ctimw.core.port.in;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.Password;
import io.ctimw.core.model.Role;
import io.ctimw.core.model.User;
import java.util.List;

/** Operators managing user accounts from the command line (the admin API has its own use case). */
public interface UserAdministrationUseCase {
    /**
     * Adds an enabled user. Agents get the default grants; administrators get none (an administrator is
     * not an agent unless granted).
     * @throws io.ctimw.core.port.out.DuplicateUserException if the login exists
     */
    User add(Login login, Password password, Role role);

    /** @return false when there is no such user */
    boolean changePassword(Login login, Password password);

    /** Disables the account, ends its sessions and releases its phone; @return false when there is no such user */
    boolean disable(Login login);

    /** @return false when there is no such user */
    boolean enable(Login login);

    /** @return false when there is no such user */
    boolean setRole(Login login, Role role);

    List<User> list();
}
