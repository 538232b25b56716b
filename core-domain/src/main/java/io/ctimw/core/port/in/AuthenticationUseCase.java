package io.ctimw.core.port.in;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.LoginResult;
import io.ctimw.core.model.Password;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.SessionToken;
import java.util.Optional;

/** Agents logging in and out, and requests proving who they are. */
public interface AuthenticationUseCase {
    /** @param clientAddress where the attempt came from (audited, throttled); null when unknown */
    LoginResult login(Login login, Password password, String clientAddress);

    default LoginResult login(Login login, Password password) {
        return login(login, password, null);
    }

    /** The live session the token belongs to, or empty (unknown, expired or logged out). */
    Optional<Session> authenticate(SessionToken token);

    void logout(Session session);
}
