package io.ctimw.adapters.http;

import static io.ctimw.adapters.http.TestServer.assertProblem;
import static io.ctimw.adapters.http.TestServer.body;
import static io.ctimw.adapters.http.TestServer.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctimw.core.model.ApiRequest;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.RequestLogQuery;
import io.ctimw.core.model.StatsQuery;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every /api/v1 request reaches the request log with what the edge and the routes know; the admin reads are parsed strictly. */
class RequestLogTest {
    private static final Login AGENT = new Login("agent1");
    private final TestServer server = new TestServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private ApiRequest awaitRecorded(int index) {
        await().atMost(Duration.ofSeconds(5)).until(() -> server.requestLog.recorded.size() > index);
        return server.requestLog.recorded.get(index);
    }

    @Test
    void loginsCarryTheLoginTriedAndNoSessionLogin() {
        server.send(server.request("/api/v1/login").header("Content-Type", "application/json").POST(json("{\"login\":\"agent1\",\"password\":\"s3cret-pass\"}")));
        server.send(server.request("/api/v1/login").header("Content-Type", "application/json").POST(json("{\"login\":\"agent1\",\"password\":\"wrong-pass\"}")));

        ApiRequest ok = awaitRecorded(0);
        ApiRequest rejected = awaitRecorded(1);
        assertEquals(new ApiRequest(null, AGENT, "127.0.0.1", "POST", "/api/v1/login", true, null, 200, null,
                ok.durationMillis()), ok);
        assertEquals(new ApiRequest(null, AGENT, "127.0.0.1", "POST", "/api/v1/login", true, null, 401,
                "login-rejected", rejected.durationMillis()), rejected);
    }

    @Test
    void theSessionsLoginTheRouteTheCommandAndTheProblemAreNoted() {
        server.get("/api/v1/events");
        server.postJson("/api/v1/control", "{\"name\":\"Answer\",\"cid\":\"1\"}");
        server.postJson("/api/v1/control", "{\"cid\":\"1\"}");
        server.send(server.request("/api/v1/events").GET());

        assertEquals(List.of("agent1 GET /api/v1/events null 204 null", "agent1 POST /api/v1/control Answer 200 null",
                "agent1 POST /api/v1/control invalid 400 bad-request", "null GET /api/v1/events null 401 unauthorized"),
                List.of(0, 1, 2, 3).stream().map(this::awaitRecorded).map(r -> r.login() + " " + r.method() + " "
                        + r.path() + " " + r.command() + " " + r.status() + " " + r.problemType()).toList());
    }

    @Test
    void anUnknownRouteKeepsItsPathWithoutTheQueryAndOtherPathsAreNotLogged() {
        server.get("/health");
        server.get("/api/v1/no/such/thing?token=secret");

        ApiRequest unknown = awaitRecorded(0);
        assertEquals("/api/v1/no/such/thing", unknown.path());
        assertFalse(unknown.routed());
        assertEquals(404, unknown.status());
        assertEquals("GET (no route)", unknown.apiMethod());
        assertEquals(1, server.requestLog.recorded.size(), "/health is not an API request");
    }

    @Test
    void aRequestTheEdgeRefusesBeforeRoutingIsLoggedWithItsProblem() {
        HttpResponse<String> response = server.send(server.authed("/api/v1/control")
                .header("Content-Type", "application/json").POST(json("{\"name\":\"" + "x".repeat(5000) + "\"}")));

        assertProblem(response, 413, "content-too-large");
        ApiRequest refused = awaitRecorded(0);
        assertEquals(413, refused.status());
        assertEquals("content-too-large", refused.problemType());
        assertNull(refused.login(), "the session is never looked at");
    }

    @Test
    void theRequestLogQueryIsParsedAndAnsweredAsJson() {
        HttpResponse<String> response = server.get("/api/v1/admin/requests?login=agent1&status=4xx"
                + "&from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z&limit=2&before=1772323200000000-7");

        assertEquals(200, response.statusCode(), response.body());
        RequestLogQuery query = assertInstanceOf(RequestLogQuery.class, server.requestLog.queries.get(0));
        assertEquals(AGENT, query.login());
        assertEquals(List.of(400, 499, 2, 7L), List.of(query.minStatus(), query.maxStatus(), query.limit(), query.before().id()));
        assertTrue(body(response).path("requests").isArray());
        assertTrue(body(response).path("next").isNull(), "fewer lines than the limit: no next page");
    }

    @Test
    void theDailyStatisticsAreParsedAndAnsweredPerDay() {
        HttpResponse<String> response = server.get("/api/v1/admin/stats/daily?from=2026-03-01&to=2026-03-03"
                + "&tz=Europe/Moscow&login=agent1&group=method");

        assertEquals(200, response.statusCode(), response.body());
        StatsQuery query = assertInstanceOf(StatsQuery.class, server.requestLog.queries.get(0));
        assertEquals(new StatsQuery(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-03"),
                ZoneId.of("Europe/Moscow"), AGENT, false, true), query);
        JsonNode day = body(response).path("days").get(0);
        assertEquals("2026-03-01", day.path("day").asText());
        assertEquals(4, day.path("calls").asLong());
        assertEquals(1, day.path("badCalls").asLong());
        assertEquals(3, day.path("byStatus").path("200").asLong());
        assertEquals("{\"from\":\"2026-03-01\",\"to\":\"2026-03-03\",\"tz\":\"Europe/Moscow\",\"login\":\"agent1\",\"days\":["
                + "{\"day\":\"2026-03-01\",\"calls\":4,\"badCalls\":1,\"byStatus\":{\"200\":3,\"403\":1},\"groups\":["
                + "{\"login\":null,\"method\":\"control:Hold\",\"calls\":1,\"badCalls\":1,\"byStatus\":{\"403\":1}}]}]}",
                response.body(), "the README's shape, member order and nulls included");
    }

    @Test
    void everyBadParameterIsA400NamingIt() {
        List<String> cases = List.of("requests?status=99", "requests?status=6xx", "requests?limit=0", "requests?limit=1001",
                "requests?from=yesterday", "requests?before=abc", "requests?login=a%20b", "requests?token=x",
                "stats/daily?tz=Mars/Base", "stats/daily?tz=Asia/Kolkata", "stats/daily?from=2026-13-01",
                "stats/daily?group=status", "stats/daily?from=2026-03-02&to=2026-03-01", "requests?limit=5&limit=6",
                "stats/daily?group=login,login", "stats/daily?group=,", "stats/daily?from=%2B999999999-12-30&to=%2B999999999-12-31", "stats/daily?to=-999999999-01-01");
        List<String> named = List.of("status", "status", "limit", "limit", "from", "before", "login", "token", "tz", "tz",
                "from", "group", "to", "limit", "group", "group", "to", "to");
        for (int i = 0; i < cases.size(); i++) {
            JsonNode problem = assertProblem(server.get("/api/v1/admin/" + cases.get(i)), 400, "bad-request");
            assertEquals(named.get(i), problem.path("parameter").asText(), cases.get(i));
            assertTrue(problem.path("detail").asText().contains(named.get(i)), problem.toString());
        }
        assertTrue(server.requestLog.queries.isEmpty(), "nothing reached the core");
    }

    @Test
    void theCoreRefusingANonAdministratorIsA403() {
        server.requestLog.admin = false;

        assertProblem(server.get("/api/v1/admin/requests"), 403, "forbidden");
        assertProblem(server.get("/api/v1/admin/stats/daily"), 403, "forbidden");
    }
}
