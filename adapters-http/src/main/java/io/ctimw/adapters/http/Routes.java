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
    private final SettingsHandlers settings;
    private final ErrorMapper errors;

    public Routes(Authenticator authenticator, SessionHandlers sessions, EventHandlers events,
                  ControlHandlers control, HealthHandlers health, SettingsHandlers settings, ErrorMapper errors) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.events = events;
        this.control = control;
        this.health = health;
        this.settings = settings;
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
        routes.get(API + "/admin/settings", settings::list, Access.AGENT);
        routes.patch(API + "/admin/settings", settings::change, Access.AGENT);
        routes.delete(API + "/admin/login-throttle/{login}", settings::unblock, Access.AGENT);
        routes.get("/health", health::live, Access.PUBLIC);
        routes.get("/ready", health::ready, Access.PUBLIC);

        // Replaces Javalin's own HttpResponseException answers (404, 405, ...) so they are problems too.
        routes.exception(HttpResponseException.class, errors::handle);
        routes.exception(Exception.class, errors);
    }
}
