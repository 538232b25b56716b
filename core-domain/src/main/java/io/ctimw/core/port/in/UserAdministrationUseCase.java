package io.ctimw.core.port.in;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.Password;
import io.ctimw.core.model.User;
import java.util.List;

/** Operators managing agent accounts (from the command line). */
public interface UserAdministrationUseCase {
    /** @throws io.ctimw.core.port.out.DuplicateUserException if the login exists */
    User add(Login login, Password password);

    /** @return false when there is no such user */
    boolean changePassword(Login login, Password password);

    /** Disables the account and ends its sessions; @return false when there is no such user */
    boolean disable(Login login);

    /** @return false when there is no such user */
    boolean enable(Login login);

    List<User> list();
}
