package io.ctimw.adapters.http;

import static io.ctimw.adapters.http.TestServer.assertProblem;
import static io.ctimw.adapters.http.TestServer.body;
import static io.ctimw.adapters.http.TestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctimw.core.model.CommandId;
import io.ctimw.core.model.CommandOutcome;
import io.ctimw.core.model.CommandRecord;
import io.ctimw.core.model.ControlResult;
import io.ctimw.core.model.IdempotencyKey;
import io.ctimw.core.model.Login;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Idempotency-Key header, the command id on control answers, and GET /api/v1/commands[/{id}]. */
class CommandLedgerApiTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:15:30Z");
    private static final String ANSWER = "{\"name\":\"Answer\",\"cid\":2}";

    private final TestServer server = new TestServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> control(String key, String body) {
        return server.send(server.authed("/api/v1/control").header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(json(body)));
    }

    private static CommandRecord stored(String id, String login, CommandOutcome outcome) {
        return new CommandRecord(new CommandId(id), new Login(login), "Hold", "{\"cid\":2,\"on\":true}", T0,
                new IdempotencyKey("k1"), "f", outcome, T0.plusMillis(30));
    }

    @Test
    void theKeyReachesTheCoreAndTheAnswerNamesTheStoredCommand() {
        server.control.id = new CommandId("0192f3a1b2c45e7b2a41");
        HttpResponse<String> response = control("press-1", ANSWER);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(new IdempotencyKey("press-1"), server.control.requests.get(0).key());
        assertEquals("/api/v1/commands/0192f3a1b2c45e7b2a41", response.headers().firstValue("Location").orElseThrow());
        assertEquals("{\"name\":\"Ok\",\"command\":\"Answer\",\"commandId\":\"0192f3a1b2c45e7b2a41\"}", response.body());
        assertTrue(response.headers().firstValue("Idempotent-Replay").isEmpty(), "a first attempt is no replay");
    }

    @Test
    void aReplayIsMarkedAndAnErrorOutcomeKeepsItsStatusAndNamesTheCommand() {
        server.control.id = new CommandId("c7");
        server.control.replayed = true;
        server.control.next = () -> CompletableFuture.completedFuture(new ControlResult.CtiRejected("busy"));
        HttpResponse<String> response = control("press-1", ANSWER);
        JsonNode problem = assertProblem(response, 422, "cti-rejected");
        assertEquals("c7", problem.path("commandId").asText());
        assertEquals("/api/v1/commands/c7", response.headers().firstValue("Location").orElseThrow());
        assertEquals("true", response.headers().firstValue("Idempotent-Replay").orElseThrow());
    }

    @Test
    void aDataReplyCarriesTheCommandIdToo() {
        server.control.id = new CommandId("c8");
        server.control.next = () -> CompletableFuture.completedFuture(
                new ControlResult.DataReply("Calls", "{\"name\":\"Calls\",\"rid\":\"9\",\"calls\":[]}"));
        assertEquals("{\"name\":\"Calls\",\"calls\":[],\"commandId\":\"c8\"}", control("k", "{\"name\":\"GetCalls\"}").body());
    }

    @Test
    void aKeyStandingForAnotherCommandIs422() {
        server.control.next = () -> CompletableFuture.completedFuture(new ControlResult.KeyConflict("press-1"));
        JsonNode problem = assertProblem(control("press-1", ANSWER), 422, "idempotency-conflict");
        assertTrue(problem.path("detail").asText().contains("press-1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "",
            "1234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"
                    + "12345678901234567890123456789"})
    void aMalformedKeyIs400NamingTheHeaderAndNothingIsSent(String key) {
        JsonNode problem = assertProblem(control(key, ANSWER), 400, "bad-request");
        assertEquals("Idempotency-Key", problem.path("header").asText());
        assertTrue(server.control.requests.isEmpty());
    }

    @Test
    void aKeyWithAControlCharacterIs400() { // sent raw: the JDK client refuses to send a tab in a header
        try (SlowClient raw = new SlowClient(server.api.port(), "/api/v1/control", "Authorization: Bearer "
                + Fakes.TOKEN + "\r\nIdempotency-Key: tab\tin\r\n", ANSWER.length(), ANSWER)) {
            String answer = raw.readAnswer();
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains("\"header\":\"Idempotency-Key\""), answer);
        }
        assertTrue(server.control.requests.isEmpty());
    }

    @Test
    void aKeyGivenTwiceIs400() {
        HttpResponse<String> response = server.send(server.authed("/api/v1/control")
                .header("Content-Type", "application/json").header("Idempotency-Key", "a")
                .header("Idempotency-Key", "b").POST(json(ANSWER)));
        assertEquals("Idempotency-Key", assertProblem(response, 400, "bad-request").path("header").asText());
        assertTrue(server.control.requests.isEmpty());
    }

    @Test
    void theListingShowsTheCallersCommandsWithTheirOutcomesAndTheNextPage() {
        server.control.stored = List.of(
                stored("c2", "agent1", new CommandOutcome(CommandOutcome.Status.REFUSED, "Error", "no call")),
                stored("c1", "agent1", new CommandOutcome(CommandOutcome.Status.CTI_DOWN, null, "link down")));
        JsonNode page = body(server.get("/api/v1/commands?limit=2&before=c9"));
        assertEquals(List.of("agent1", "c9", 2), server.control.queries.get(0), "the session decides whose");
        JsonNode first = page.path("commands").get(0);
        assertEquals("c2", first.path("id").asText());
        assertEquals("Hold", first.path("name").asText());
        assertEquals("{\"cid\":2,\"on\":true}", first.path("fields").toString());
        assertEquals("k1", first.path("idempotencyKey").asText());
        assertEquals("refused", first.path("outcome").asText());
        assertEquals("{\"name\":\"Error\",\"description\":\"no call\"}", first.path("reply").toString());
        assertEquals("2026-03-01T09:15:30Z", first.path("at").asText());
        JsonNode second = page.path("commands").get(1);
        assertEquals("cti-down", second.path("outcome").asText());
        assertTrue(second.path("reply").isNull());
        assertEquals("link down", second.path("detail").asText());
        assertEquals("c1", page.path("next").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=101", "limit=x", "before=a%20b", "before=", "after=3", "limit=1&limit=2"})
    void badListingParametersAre400(String query) {
        assertProblem(server.get("/api/v1/commands?" + query), 400, "bad-request");
        assertTrue(server.control.queries.isEmpty());
    }

    @Test
    void oneCommandIsShownAndAnotherLoginsIsNotFoundLikeAMissingOne() {
        server.control.stored = List.of(stored("c1", "agent1", new CommandOutcome(CommandOutcome.Status.OK,
                "Calls", "{\"name\":\"Calls\",\"rid\":\"4\",\"calls\":[]}")),
                stored("c2", "agent2", CommandOutcome.SENT));
        JsonNode mine = body(server.get("/api/v1/commands/c1"));
        assertEquals("{\"name\":\"Calls\",\"calls\":[]}", mine.path("reply").toString());
        assertEquals("2026-03-01T09:15:30.030Z", mine.path("completedAt").asText());
        JsonNode foreign = assertProblem(server.get("/api/v1/commands/c2"), 404, "not-found");
        JsonNode missing = assertProblem(server.get("/api/v1/commands/c3"), 404, "not-found");
        assertEquals(missing.path("detail").asText().replace("c3", "c2"), foreign.path("detail").asText());
        assertProblem(server.get("/api/v1/commands/bad%20id"), 404, "not-found");
    }

    @Test
    void withoutAStoredIdTheAnswerHasNoLocation() {
        HttpResponse<String> response = server.postJson("/api/v1/control", ANSWER);
        assertEquals(200, response.statusCode());
        assertFalse(response.headers().firstValue("Location").isPresent());
        assertNull(body(response).get("commandId"));
        assertNull(server.control.requests.get(0).key());
    }
}
