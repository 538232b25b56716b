package io.ctimw.adapters.http;

import io.ctimw.core.model.Entitlements;
import io.ctimw.core.model.LoginResult;
import io.ctimw.core.model.Session;
import io.ctimw.core.port.in.AuthenticationUseCase;
import io.ctimw.core.port.in.CallControlUseCase;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Login, logout and "who am I": the session endpoints. */
final class SessionHandlers {
    private final AuthenticationUseCase auth;
    private final CallControlUseCase control;
    private final RequestBodies bodies;
    private final JsonCodec json;
    private final SessionCookie cookie;
    private final HttpMetrics metrics;

    /** @param control says what the session's user may send (shown by {@code GET /session}) */
    public SessionHandlers(AuthenticationUseCase auth, CallControlUseCase control, RequestBodies bodies, JsonCodec json,
                           SessionCookie cookie, HttpMetrics metrics) {
        this.auth = auth;
        this.control = control;
        this.bodies = bodies;
        this.json = json;
        this.cookie = cookie;
        this.metrics = metrics;
    }

    /** {@code POST /api/v1/login}. */
    public void login(Context ctx) {
        LoginRequest request = LoginRequest.from(json.parseObject(bodies.readJson(ctx)));
        RequestTrace.attemptedLogin(ctx, request.login());
        LoginResult result;
        try {
            result = auth.login(request.login(), request.password(), ctx.ip());
        } catch (RuntimeException e) {
            metrics.loginOutcome("failed");
            throw e;
        }
        metrics.login(result);
        if (result instanceof LoginResult.Throttled throttled) {
            // Also when the password was right: a locked login is not even checked (ASVS V2.2).
            ctx.header("Retry-After", Long.toString(throttled.retryAfterSeconds()));
            throw new ProblemException(Problem.of(ProblemType.TOO_MANY_ATTEMPTS,
                    "too many failed logins for this login or from your address; retry later")
                    .with("retryAfterSeconds", throttled.retryAfterSeconds()));
        }
        if (result instanceof LoginResult.Busy) {
            throw new ProblemException(ProblemType.LOGIN_BUSY, "too many logins are being checked; retry shortly");
        }
        if (!(result instanceof LoginResult.LoggedIn in)) {
            // One answer for unknown login, wrong password and disabled account: no account probing.
            throw new ProblemException(ProblemType.LOGIN_REJECTED, "the login or the password is wrong");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", in.token().value());
        body.put("login", in.session().login().value());
        body.put("expiresAt", in.session().expiresAt().toString());
        ctx.res().addHeader("Set-Cookie", cookie.issue(in.token()));
        JsonResponses.ok(ctx, json.write(body));
    }

    /** {@code POST /api/v1/logout}. */
    public void logout(Context ctx) {
        auth.logout(Authenticator.sessionOf(ctx));
        ctx.res().addHeader("Set-Cookie", cookie.clear());
        ctx.status(204);
    }

    /** {@code GET /api/v1/session}. */
    public void whoami(Context ctx) {
        Session session = Authenticator.sessionOf(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("login", session.login().value());
        body.put("createdAt", session.createdAt().toString());
        body.put("expiresAt", session.expiresAt().toString());
        body.put("cursor", session.deliveredCursor());
        // The core decides; the pages only hide the controls it would refuse.
        Entitlements may = control.entitlements(session);
        body.put("role", may.role().wireName());
        body.put("grants", may.grants().names());
        body.put("commands", may.commands());
        body.put("states", may.states());
        JsonResponses.ok(ctx, json.write(body));
    }
}
