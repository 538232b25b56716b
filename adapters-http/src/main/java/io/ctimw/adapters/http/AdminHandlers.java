package io.ctimw.adapters.http;

import io.ctimw.core.model.LiveSession;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.Session;
import io.ctimw.core.port.in.AdminSessionsUseCase;
import io.ctimw.core.port.in.AdminUsersUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The admin API's users and sessions routes. They need a session like every other route; whether the
 * caller is an administrator is decided by the core (403 {@code forbidden} otherwise).
 */
final class AdminHandlers {
    static final String USERS = Routes.API + "/admin/users";
    static final String SESSIONS = Routes.API + "/admin/sessions";
    private static final Pattern SESSION_ID = Pattern.compile("[0-9a-f]{" + Session.ID_LENGTH + "}");

    private final AdminUsersUseCase users;
    private final AdminSessionsUseCase sessions;
    private final RequestBodies bodies;
    private final JsonCodec json;

    AdminHandlers(AdminUsersUseCase users, AdminSessionsUseCase sessions, RequestBodies bodies, JsonCodec json) {
        this.users = users;
        this.sessions = sessions;
        this.bodies = bodies;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.get(USERS, this::listUsers, Access.AGENT);
        routes.post(USERS, this::addUser, Access.AGENT);
        routes.get(USERS + "/{login}", this::getUser, Access.AGENT);
        routes.patch(USERS + "/{login}", this::changeUser, Access.AGENT);
        routes.get(SESSIONS, this::listSessions, Access.AGENT);
        routes.delete(SESSIONS + "/{id}", this::endSession, Access.AGENT);
    }

    private void listUsers(Context ctx) {
        var query = UserQueryParser.parse(ctx.queryParamMap());
        JsonResponses.ok(ctx, json.write(AdminJson.users(users.list(caller(ctx), query))));
    }

    private void addUser(Context ctx) {
        var request = AdminRequests.newUser(json.parseObject(bodies.readJson(ctx)));
        var added = AdminJson.done(users.add(caller(ctx), request));
        ctx.header("Location", USERS + "/" + added.user().login().value());
        JsonResponses.send(ctx, 201, json.write(AdminJson.user(added)));
    }

    private void getUser(Context ctx) {
        noQuery(ctx);
        JsonResponses.ok(ctx, json.write(AdminJson.user(AdminJson.done(users.get(caller(ctx), login(ctx))))));
    }

    private void changeUser(Context ctx) {
        Login login = login(ctx);
        var change = AdminRequests.change(json.parseObject(bodies.readJson(ctx)));
        JsonResponses.ok(ctx, json.write(AdminJson.user(AdminJson.done(users.change(caller(ctx), login, change)))));
    }

    private void listSessions(Context ctx) {
        noQuery(ctx);
        List<LiveSession> live = sessions.list(caller(ctx));
        JsonResponses.ok(ctx, json.write(Map.of("sessions", live.stream().map(AdminJson::session).toList())));
    }

    private void endSession(Context ctx) {
        String id = ctx.pathParam("id");
        if (!SESSION_ID.matcher(id).matches()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "a session id is " + Session.ID_LENGTH + " hex characters");
        }
        AdminJson.done(sessions.end(caller(ctx), id));
        ctx.status(204);
    }

    private static Session caller(Context ctx) {
        return Authenticator.sessionOf(ctx);
    }

    /** An unknown login is 404 whether it could exist or not: nothing else can be named by it. */
    private static Login login(Context ctx) {
        String login = ctx.pathParam("login");
        if (!Login.isValid(login)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "no user " + AdminRequests.shortened(login));
        }
        return new Login(login);
    }

    private static void noQuery(Context ctx) {
        if (!ctx.queryParamMap().isEmpty()) {
            throw AdminRequests.bad("this endpoint takes no query parameters");
        }
    }
}
