package io.ctimw.adapters.http;

import io.ctimw.adapters.http.web.WebPages;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;
import java.util.Optional;

/** Every route of the API, in one place: paths, methods, who may call them, and the error mapping. */
final class Routes {
    public static final String API = "/api/v1";
    public static final String METRICS = "/metrics";

    private final Authenticator authenticator;
    private final SessionHandlers sessions;
    private final EventHandlers events;
    private final ControlHandlers control;
    private final HealthHandlers health;
    private final AuditHandlers audit;
    private final SettingsHandlers settings;
    private final ErrorMapper errors;
    private final DocsHandlers docs = new DocsHandlers();
    private final WebPages pages = new WebPages();
    private final Optional<MetricsPage> metrics;
    private final AdminHandlers admin;
    private final RequestLogHandlers requestLog;
    private StateHandlers state;
    private final OverviewHandlers overview;

    /** @param metrics {@code GET /metrics}, when served on this port */
    public Routes(Authenticator authenticator, SessionHandlers sessions, EventHandlers events,
                  ControlHandlers control, HealthHandlers health, ErrorMapper errors, Optional<MetricsPage> metrics,
                  AdminHandlers admin, AuditHandlers audit, SettingsHandlers settings, RequestLogHandlers requestLog,
                  OverviewHandlers overview) {
        this.overview = overview;
        this.metrics = metrics;
        this.requestLog = requestLog;
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.events = events;
        this.control = control;
        this.health = health;
        this.audit = audit;
        this.settings = settings;
        this.errors = errors;
        this.admin = admin;
    }

    /** Serves {@code GET /api/v1/state}; without it that path is 404. */
    Routes withState(StateHandlers state) {
        this.state = state;
        return this;
    }

    public void register(RoutesConfig routes) {
        routes.before(new ResponseHeaders());
        // beforeMatched: unknown paths stay 404 and wrong methods 405 instead of turning into 401.
        routes.beforeMatched(authenticator);

        routes.post(API + "/login", sessions::login, Access.PUBLIC);
        routes.post(API + "/logout", sessions::logout, Access.AGENT);
        routes.get(API + "/session", sessions::whoami, Access.AGENT);
        routes.get(API + "/events", events::poll, Access.AGENT);
        routes.get(API + "/events/stream", events::stream, Access.AGENT);
        if (state != null) {
            routes.get(API + "/state", state::state, Access.AGENT);
        }
        routes.post(API + "/control", control::send, Access.AGENT);
        routes.get(API + "/commands", control::list, Access.AGENT);
        routes.get(API + "/commands/{id}", control::one, Access.AGENT);
        routes.get("/health", health::live, Access.PUBLIC);
        routes.get("/ready", health::ready, Access.PUBLIC);
        metrics.ifPresent(page -> routes.get(METRICS, page, Access.PUBLIC));
        // Every route above is described in openapi.json (ApiDescriptionTest fails naming any that is not).
        routes.get(API + "/openapi.json", docs::description, Access.PUBLIC);
        routes.get("/docs", docs::page, Access.PUBLIC);
        routes.get("/docs/{asset}", docs::asset, Access.PUBLIC);
        // The agent desktop and the admin console: static pages, clients of the routes above.
        pages.register(routes, Access.PUBLIC);
        if (admin != null) {
            admin.register(routes);
        }
        // Admin routes need a session; the core lets administrators only.
        if (audit != null) {
            routes.get(API + "/admin/audit", audit::list, Access.AGENT);
        }
        if (requestLog != null) {
            routes.get(API + "/admin/requests", requestLog::requests, Access.AGENT);
            routes.get(API + "/admin/stats/daily", requestLog::dailyStats, Access.AGENT);
        }
        if (settings != null) {
            routes.get(API + "/admin/settings", settings::list, Access.AGENT);
            routes.patch(API + "/admin/settings", settings::change, Access.AGENT);
            routes.delete(API + "/admin/login-throttle/{login}", settings::unblock, Access.AGENT);
        }
        if (overview != null) {
            routes.get(OverviewHandlers.PATH, overview::get, Access.AGENT);
        }

        // Replaces Javalin's own HttpResponseException answers (404, 405, ...) so they are problems too.
        routes.exception(HttpResponseException.class, errors::handle);
        routes.exception(Exception.class, errors);
    }
}
