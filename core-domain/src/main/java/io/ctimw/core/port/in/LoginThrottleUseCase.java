package io.ctimw.core.port.in;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.Session;

/** Administrators unblocking a login the login throttle has locked. */
public interface LoginThrottleUseCase {
    /**
     * Forgets the login's failed logins on this instance, so it may log in at once; audited.
     * @return whether it had any on record
     * @throws AccessDeniedException unless the caller is an administrator
     */
    boolean unblock(Session caller, Login login);
}
