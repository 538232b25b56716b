package io.ctimw.core.port.in;

import io.ctimw.core.model.AdminOutcome;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.NewUser;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.UserChange;
import io.ctimw.core.model.UserPage;
import io.ctimw.core.model.UserQuery;
import io.ctimw.core.model.UserSummary;

/**
 * Administrators managing user accounts over the API. Every method first checks that the caller's
 * session belongs to an administrator ({@link AccessDeniedException} otherwise); every change is audited
 * with the caller as actor and applies at once to the user's live sessions on this instance.
 */
public interface AdminUsersUseCase {
    UserPage list(Session caller, UserQuery query);

    AdminOutcome<UserSummary> get(Session caller, Login login);

    AdminOutcome<UserSummary> add(Session caller, NewUser user);

    /** Blocking (or a new password) ends the user's sessions and releases its phone. */
    AdminOutcome<UserSummary> change(Session caller, Login login, UserChange change);
}
