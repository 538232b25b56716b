package io.ctimw.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the admin console relies on: the overview's figures, and body errors that name the field at fault. */
class ConsoleApiTest {
    private final TestServer server = new TestServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theOverviewAnswersTheCoreSFiguresToAnAdministrator() {
        JsonNode body = TestServer.body(server.get(OverviewHandlers.PATH));

        assertEquals(true, body.path("database").asBoolean());
        assertEquals("2026-11-29T16:58:12.250Z", body.path("cti").path("lastReconnectAt").asText());
        assertEquals(12, body.path("agentsOnline").asInt());
        assertEquals(37.25, body.path("eventsPerSecond").asDouble());
        assertEquals(18, body.path("deliveryLagMillis").asLong());
        assertEquals("[\"Answer\",\"Hangup\",\"Hold\"]", body.path("commands").toString());
    }

    @Test
    void theOverviewIsRefusedToOthersAndTakesNoQuery() {
        TestServer.assertProblem(server.get(OverviewHandlers.PATH + "?refresh=5"), 400, "bad-request");
        server.overview.deny = true;
        TestServer.assertProblem(server.get(OverviewHandlers.PATH), 403, "forbidden");
    }

    @Test
    void aBadMemberOfAUserBodyIsNamedInField() {
        HttpResponse<String> badLogin = server.postJson(AdminHandlers.USERS, "{\"login\":\"a b\",\"password\":\"long enough\"}");
        assertEquals("login", TestServer.assertProblem(badLogin, 400, "bad-request").path("field").asText());

        HttpResponse<String> badRole = server.send(server.authed(AdminHandlers.USERS + "/agent1")
                .header("Content-Type", "application/json").method("PATCH", TestServer.json("{\"role\":\"root\"}")));
        assertEquals("role", TestServer.assertProblem(badRole, 400, "bad-request").path("field").asText());

        HttpResponse<String> unknownGrant = server.postJson(AdminHandlers.USERS,
                "{\"login\":\"agent10\",\"password\":\"long enough\",\"grants\":[\"control:Bogus\"]}");
        assertEquals("grants", TestServer.assertProblem(unknownGrant, 400, "bad-request").path("field").asText(),
                "the core's refusal names its field too");

        String agent9 = "{\"login\":\"agent9\",\"password\":\"long enough\"}";
        server.postJson(AdminHandlers.USERS, agent9);
        HttpResponse<String> taken = server.postJson(AdminHandlers.USERS, agent9);
        assertEquals("login", TestServer.assertProblem(taken, 409, "user-exists").path("field").asText());
    }
}
