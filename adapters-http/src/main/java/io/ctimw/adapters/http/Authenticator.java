package io.ctimw.adapters.http;

import io.ctimw.core.model.Session;
import io.ctimw.core.model.SessionToken;
import io.ctimw.core.port.in.AuthenticationUseCase;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Optional;

/**
 * The one place requests are authenticated: runs before every matched route that is not
 * {@link Access#PUBLIC}, resolves the bearer header or session cookie to a {@link Session}, and
 * keeps it in the request for the handlers. Nothing from the body ever decides who the caller is.
 */
final class Authenticator implements Handler {
    private static final String SESSION_ATTRIBUTE = Authenticator.class.getName() + ".session";
    private static final String BEARER = "bearer ";

    private final AuthenticationUseCase auth;
    private final String cookieName;

    public Authenticator(AuthenticationUseCase auth, String cookieName) {
        this.auth = auth;
        this.cookieName = cookieName;
    }

    @Override
    public void handle(Context ctx) {
        if (ctx.routeRoles().contains(Access.PUBLIC)) {
            return;
        }
        String token = presentedToken(ctx).orElseThrow(() -> unauthorized("no session token: log in first"));
        // Malformed tokens are refused here so junk never reaches the core (or its database).
        if (!SessionToken.isWellFormed(token)) {
            throw unauthorized("the session token is malformed");
        }
        Session session = auth.authenticate(new SessionToken(token))
                .orElseThrow(() -> unauthorized("the session has expired or was logged out"));
        ctx.attribute(SESSION_ATTRIBUTE, session);
    }

    /** The caller's session; only valid in routes behind this handler. */
    public static Session sessionOf(Context ctx) {
        Session session = ctx.attribute(SESSION_ATTRIBUTE);
        if (session == null) {
            throw new IllegalStateException("route " + ctx.path() + " is not behind the Authenticator");
        }
        return session;
    }

    /** The session's login, when the request has a valid session. */
    public static Optional<io.ctimw.core.model.Login> loginOf(Context ctx) {
        Session session = ctx.attribute(SESSION_ATTRIBUTE);
        return Optional.ofNullable(session).map(Session::login);
    }

    /** The session's short tag for logs, when the request has one. */
    public static Optional<String> tagOf(Context ctx) {
        Session session = ctx.attribute(SESSION_ATTRIBUTE);
        return Optional.ofNullable(session).map(s -> s.tokenHash().tag());
    }

    // The header wins over the cookie: a client that sends one means it.
    private Optional<String> presentedToken(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null) {
            if (header.length() > BEARER.length() && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return Optional.of(header.substring(BEARER.length()).trim());
            }
            throw unauthorized("the Authorization header must be 'Bearer <token>'");
        }
        return Optional.ofNullable(ctx.cookie(cookieName)).filter(v -> !v.isEmpty());
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(ProblemType.UNAUTHORIZED, detail);
    }
}
