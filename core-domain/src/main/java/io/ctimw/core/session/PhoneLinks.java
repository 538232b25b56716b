package io.ctimw.core.session;

import io.ctimw.core.model.Login;
import java.util.Set;

/** What sessions need from the CTI link: keep a login's phone attached while it has a live session. */
public interface PhoneLinks {
    /** A session for the login exists: attach its phone (again, so the new session gets state and calls). */
    void want(Login login);

    /** Attaches the login's phone unless it is wanted already (heals a release that raced with a login). */
    void ensureWanted(Login login);

    /** The login's last session ended. */
    void release(Login login);

    Set<Login> wantedLogins();
}
