package io.ctimw.adapters.http;

import io.ctimw.core.model.ApiRequest;
import io.ctimw.core.model.AuditAction;
import io.ctimw.core.model.AuditEntry;
import io.ctimw.core.model.AuditPage;
import io.ctimw.core.model.LoggedRequest;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.StoredAuditEntry;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BiConsumer;

/**
 * {@link ApiExamples}' requests to the admin API: each route's success, its 400s (naming the parameter
 * or member at fault), 404s and 409s, and the 403 the core answers a non-administrator.
 */
final class AdminExamples {
    private static final String USERS = AdminHandlers.USERS;
    private static final String USER = USERS + "/{login}";
    private static final String SESSIONS = AdminHandlers.SESSIONS;
    private static final String SESSION = SESSIONS + "/{id}";
    private static final String AUDIT = Routes.API + "/admin/audit";
    private static final String SETTINGS = Routes.API + "/admin/settings";
    private static final String THROTTLE = Routes.API + "/admin/login-throttle/{login}";
    private static final String REQUESTS = Routes.API + "/admin/requests";
    private static final String STATS = Routes.API + "/admin/stats/daily";
    private static final String OVERVIEW = OverviewHandlers.PATH;
    private static final String CONTROL_PATH = Routes.API + "/control";
    private static final String NEW_USER = "{\"login\":\"agent9\",\"password\":\"a-long-password\","
            + "\"grants\":[\"events\",\"control:Answer\",\"control:Hangup\"]}";

    private final TestServer server;
    private final BiConsumer<String, HttpRequest.Builder> send;

    AdminExamples(TestServer server, BiConsumer<String, HttpRequest.Builder> send) {
        this.server = server;
        this.send = send;
    }

    void record() {
        users();
        sessions();
        audit();
        settings();
        requestLog();
        dailyStats();
        overview();
        denied();
    }

    private void overview() {
        get(OVERVIEW, OVERVIEW);
        server.overview.figures = new io.ctimw.core.model.Overview(Instant.parse("2026-11-29T17:05:00Z"), false, false,
                Instant.parse("2026-11-29T17:04:51Z"), null, null, 0, 214, null, null, List.of("Answer"));
        get(OVERVIEW, OVERVIEW);
        server.overview.figures = FakeOverview.FIGURES;
        get(OVERVIEW, OVERVIEW + "?refresh=5");
        server.overview.deny = true;
        get(OVERVIEW, OVERVIEW);
        server.overview.deny = false;
    }

    private void users() {
        get(USERS, USERS);
        get(USERS, USERS + "?role=agent&enabled=true&q=agent&limit=1");
        get(USERS, USERS + "?limit=1");
        get(USERS, USERS + "?limit=0");
        get(USERS, USERS + "?sort=login");
        send.accept(USERS, body(USERS, "POST", NEW_USER));
        send.accept(USERS, body(USERS, "POST", NEW_USER));
        send.accept(USERS, body(USERS, "POST", "{\"login\":\"agent10\"}"));
        send.accept(USERS, body(USERS, "POST", "{\"login\":\"agent10\",\"password\":\"a-long-password\",\"admin\":true}"));
        send.accept(USERS, body(USERS, "POST", "{\"login\":\"agent10\",\"password\":\"a-long-password\","
                + "\"grants\":[\"control:Bogus\"]}"));
        send.accept(USERS, server.authed(USERS).header("Content-Type", "text/plain").POST(TestServer.json(NEW_USER)));
        get(USER, USERS + "/agent1");
        get(USER, USERS + "/admin");
        get(USER, USERS + "/nobody");
        get(USER, USERS + "/" + "a".repeat(65));
        get(USER, USERS + "/agent1?fields=login");
        send.accept(USER, body(USERS + "/agent9", "PATCH", "{\"enabled\":false,\"grants\":[\"events\"]}"));
        send.accept(USER, body(USERS + "/admin", "PATCH", "{\"role\":\"agent\"}"));
        send.accept(USER, body(USERS + "/agent1", "PATCH", "{}"));
        send.accept(USER, body(USERS + "/agent1", "PATCH", "{\"enabled\":\"no\"}"));
        send.accept(USER, body(USERS + "/nobody", "PATCH", "{\"enabled\":true}"));
    }

    private void sessions() {
        get(SESSIONS, SESSIONS);
        get(SESSIONS, SESSIONS + "?login=agent1");
        send.accept(SESSION, server.authed(SESSIONS + "/" + Fakes.AdminSessions.LIVE.id()).DELETE());
        send.accept(SESSION, server.authed(SESSIONS + "/0123456789abcdef").DELETE());
        send.accept(SESSION, server.authed(SESSIONS + "/not-a-session-id").DELETE());
    }

    private void audit() {
        get(AUDIT, AUDIT);
        Instant at = Instant.parse("2026-11-29T17:03:54.474Z");
        server.audit.page = new AuditPage(List.of(
                new StoredAuditEntry(812, AuditEntry.event(at, AuditAction.FOREIGN_CALL, new Login("agent2"), null,
                        "c3e98be92f", "Hangup")),
                new StoredAuditEntry(790, new AuditEntry(at.minusSeconds(60), AuditAction.USER_CHANGED,
                        new Login("admin"), null, "agent9", "{\"enabled\":true}", "{\"enabled\":false}", null))),
                OptionalLong.of(790));
        get(AUDIT, AUDIT + "?action=foreign-call&actor=agent2&from=2026-11-29T17:00:00Z&to=2026-11-29T19:00:00%2B01:00&limit=2");
        get(AUDIT, AUDIT + "?limit=0");
        get(AUDIT, AUDIT + "?action=coffee");
        get(AUDIT, AUDIT + "?colour=red");
    }

    private void settings() {
        get(SETTINGS, SETTINGS);
        send.accept(SETTINGS, body(SETTINGS, "PATCH", "{\"cti.allowed-states\":[\"normal\",\"away\"]}"));
        send.accept(SETTINGS, body(SETTINGS, "PATCH", "{}"));
        send.accept(SETTINGS, body(SETTINGS, "PATCH", "{\"bogus\":1}"));
        send.accept(THROTTLE, server.authed(Routes.API + "/admin/login-throttle/agent2").DELETE());
        send.accept(THROTTLE, server.authed(Routes.API + "/admin/login-throttle/" + "a".repeat(65)).DELETE());
    }

    private void requestLog() {
        get(REQUESTS, REQUESTS);
        Instant at = Instant.parse("2026-11-29T17:02:11.482113Z");
        server.requestLog.page = List.of(
                new LoggedRequest(812, at, new ApiRequest(new Login("agent1"), null, "10.0.0.7", "POST",
                        CONTROL_PATH, true, "Hold", 403, "forbidden", 3)),
                new LoggedRequest(811, at.minusSeconds(5), new ApiRequest(null, new Login("agent2"), "10.0.0.8", "POST",
                        Routes.API + "/login", true, null, 401, "login-rejected", 212)));
        get(REQUESTS, REQUESTS + "?login=agent1&status=4xx&from=2026-11-29T17:00:00Z&to=2026-11-29T18:00:00Z&limit=2"
                + "&before=1795971800000000-900");
        server.requestLog.page = List.of();
        for (String bad : List.of("colour=red", "login=no%20spaces", "status=4x", "status=600", "from=2026-11-29",
                "from=2026-11-29T18:00:00Z&to=2026-11-29T17:00:00Z", "limit=0", "limit=1001", "before=812",
                "limit=1&limit=2", "login=")) {
            get(REQUESTS, REQUESTS + "?" + bad);
        }
    }

    private void dailyStats() {
        get(STATS, STATS);
        get(STATS, STATS + "?from=2026-11-28&to=2026-11-29&login=agent1&tz=Europe/Moscow&group=login,method");
        for (String bad : List.of("colour=red", "from=2026-11-29T00:00:00Z", "from=2026-11-30&to=2026-11-29",
                "from=2025-01-01&to=2026-11-29", "tz=Mars/Olympus", "tz=Asia/Kolkata", "group=day",
                "login=no%20spaces", "group=")) {
            get(STATS, STATS + "?" + bad);
        }
    }

    /** Every admin route as a non-administrator asks it. */
    private void denied() {
        server.users.deny = true;
        server.sessions.deny = true;
        server.audit.deny = true;
        server.settings.deny = true;
        server.throttle.deny = true;
        server.requestLog.admin = false;
        get(USERS, USERS);
        send.accept(USERS, body(USERS, "POST", NEW_USER));
        get(USER, USERS + "/agent1");
        send.accept(USER, body(USERS + "/agent1", "PATCH", "{\"enabled\":false}"));
        get(SESSIONS, SESSIONS);
        send.accept(SESSION, server.authed(SESSIONS + "/" + Fakes.AdminSessions.LIVE.id()).DELETE());
        get(AUDIT, AUDIT);
        get(SETTINGS, SETTINGS);
        send.accept(SETTINGS, body(SETTINGS, "PATCH", "{\"cti.allowed-states\":[\"normal\"]}"));
        send.accept(THROTTLE, server.authed(Routes.API + "/admin/login-throttle/agent2").DELETE());
        get(REQUESTS, REQUESTS);
        get(STATS, STATS);
        send.accept(USERS, server.request(USERS).GET());
    }

    private void get(String template, String path) {
        send.accept(template, server.authed(path).GET());
    }

    private HttpRequest.Builder body(String path, String method, String json) {
        return server.authed(path).header("Content-Type", "application/json").method(method, TestServer.json(json));
    }
}
