package io.ctimw.adapters.http;

import static io.ctimw.adapters.http.TestServer.assertProblem;
import static io.ctimw.adapters.http.TestServer.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctimw.core.model.AuditAction;
import io.ctimw.core.model.AuditEntry;
import io.ctimw.core.model.AuditPage;
import io.ctimw.core.model.AuditQuery;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.StoredAuditEntry;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/admin/audit}: strict parameters, the caller's session handed to the core, entries as JSON. */
class AuditApiTest {
    private static final String PATH = "/api/v1/admin/audit";
    private final TestServer server = new TestServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyFilterReachesTheCoreWithTheCallersSessionAndEntriesComeBackWithTheNextCursor() {
        AuditEntry change = new AuditEntry(Instant.parse("2026-03-01T08:00:00.000001Z"), AuditAction.USER_CHANGED,
                new Login("admin1"), "192.0.2.9", "agent7", "agent", "admin", null);
        server.audit.page = new AuditPage(List.of(new StoredAuditEntry(41, change)), OptionalLong.of(41));

        HttpResponse<String> r = server.get(PATH + "?action=user-changed&actor=admin1&target=agent7"
                + "&from=2026-03-01T09:00:00%2B01:00&to=2026-03-02T00:00:00Z&limit=1&before=99");

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of(List.of(Fakes.SESSION, new AuditQuery(AuditAction.USER_CHANGED, new Login("admin1"), "agent7",
                Instant.parse("2026-03-01T08:00:00Z"), Instant.parse("2026-03-02T00:00:00Z"), 1, OptionalLong.of(99)))),
                server.audit.calls);
        JsonNode body = body(r);
        assertEquals(41, body.get("next").asLong());
        assertEquals("{\"id\":41,\"at\":\"2026-03-01T08:00:00.000001Z\",\"action\":\"user-changed\",\"actor\":\"admin1\","
                + "\"address\":\"192.0.2.9\",\"target\":\"agent7\",\"before\":\"agent\",\"after\":\"admin\",\"detail\":null}",
                body.get("entries").get(0).toString());
    }

    @Test
    void withoutParametersTheNewestHundredAreAskedForAndTheLastPageHasNoNext() {
        HttpResponse<String> r = server.get(PATH);

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of(List.of(Fakes.SESSION, AuditQuery.newest(AuditQueryParser.DEFAULT_LIMIT))), server.audit.calls);
        assertTrue(body(r).get("next").isNull());
        assertEquals(0, body(r).get("entries").size());
    }

    @Test
    void eachMalformedParameterIsA400NamingItAndTheCoreIsNotAsked() {
        Map<String, String> queries = Map.ofEntries(
                Map.entry("action=login-exploded", "action"), Map.entry("action=", "action"),
                Map.entry("action=LOGIN_FAILED", "action"), Map.entry("actor=bad%20login", "actor"),
                Map.entry("target=" + "x".repeat(AuditQuery.MAX_TARGET_LENGTH + 1), "target"),
                Map.entry("from=yesterday", "from"), Map.entry("to=2026-03-01T08:00:00", "to"),
                Map.entry("from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "to"),
                Map.entry("limit=0", "limit"), Map.entry("limit=501", "limit"), Map.entry("limit=ten", "limit"),
                Map.entry("before=0", "before"), Map.entry("before=-3", "before"),
                Map.entry("before=99999999999999999999", "before"), Map.entry("limit=5&limit=6", "limit"),
                Map.entry("login=agent1", "login"));
        queries.forEach((query, parameter) -> {
            JsonNode problem = assertProblem(server.get(PATH + "?" + query), 400, "bad-request");
            assertEquals(parameter, problem.path("parameter").asText(), query);
            assertTrue(problem.path("detail").asText().contains(parameter), query + ": " + problem);
        });
        assertEquals(List.of(), server.audit.calls);
    }

    @Test
    void aCallerTheCoreRefusesGets403Forbidden() {
        server.audit.deny = true;

        JsonNode problem = assertProblem(server.get(PATH), 403, "forbidden");

        assertTrue(problem.path("detail").asText().contains("role admin"), problem.toString());
    }

    @Test
    void withoutASessionItIs401AndTheCoreIsNotAsked() {
        assertProblem(server.send(server.request(PATH).GET()), 401, "unauthorized");
        assertEquals(List.of(), server.audit.calls);
    }
}
