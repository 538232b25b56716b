package io.ctimw.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;

/** Every route of the API, in one place: paths, methods, who may call them, and the error mapping. */
final class Routes {
    public static final String API = "/api/v1";

    private final Authenticator authenticator;
    private final SessionHandlers sessions;
    private final EventHandlers events;
    private final ControlHandlers control;
    private final HealthHandlers health;
    private final ErrorMapper errors;
    private final RequestLogHandlers requestLog;

    public Routes(Authenticator authenticator, SessionHandlers sessions, EventHandlers events,
                  ControlHandlers control, HealthHandlers health, ErrorMapper errors, RequestLogHandlers requestLog) {
        this.requestLog = requestLog;
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.events = events;
        this.control = control;
        this.health = health;
        this.errors = errors;
    }

    public void register(RoutesConfig routes) {
        routes.before(new ResponseHeaders());
        // beforeMatched: unknown paths stay 404 and wrong methods 405 instead of turning into 401.
        routes.beforeMatched(authenticator);

        routes.post(API + "/login", sessions::login, Access.PUBLIC);
        routes.post(API + "/logout", sessions::logout, Access.AGENT);
        routes.get(API + "/session", sessions::whoami, Access.AGENT);
        routes.get(API + "/events", events::poll, Access.AGENT);
        routes.post(API + "/control", control::send, Access.AGENT);
        routes.get(API + "/admin/requests", requestLog::requests, Access.AGENT); // the core requires the admin role
        routes.get(API + "/admin/stats/daily", requestLog::dailyStats, Access.AGENT);
        routes.get("/health", health::live, Access.PUBLIC);
        routes.get("/ready", health::ready, Access.PUBLIC);

        // Replaces Javalin's own HttpResponseException answers (404, 405, ...) so they are problems too.
        routes.exception(HttpResponseException.class, errors::handle);
        routes.exception(Exception.class, errors);
    }
}
