package io.ctimw.app.middleware;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctimw.adapters.postgres.testing.TestDatabase;
import io.ctimw.app.middleware.testing.AgentHttp;
import io.ctimw.app.middleware.testing.MiddlewareHarness;
import io.ctimw.simulator.CtiSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The command ledger and idempotency keys on real HTTP, PostgreSQL and the CTI simulator (which counts frames). */
class CommandLedgerEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String MAKE_CALL = "{\"name\":\"MakeCall\",\"phoneNumber\":\"+79001234567\"}";

    private final HttpClient http = HttpClient.newHttpClient();
    private TestDatabase db;
    private CtiSimulator cti;
    private MiddlewareHarness mw;

    @BeforeEach
    void start() {
        db = TestDatabase.create();
        cti = CtiSimulator.builder().operators("agent1", "agent2").build().start();
        mw = MiddlewareHarness.start(db, cti).withAgents("agent1", "agent2");
    }

    @AfterEach
    void stop() {
        mw.close();
        cti.close();
        db.close();
    }

    private AgentHttp attached(String login) throws Exception {
        AgentHttp agent = mw.agent().login(login, MiddlewareHarness.PASSWORD);
        cti.awaitAttached(login, WAIT);
        return agent;
    }

    private HttpResponse<String> control(AgentHttp agent, String key, String body) throws Exception {
        return http.send(request(agent, key, body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(AgentHttp agent, String key, String body) {
        return HttpRequest.newBuilder(URI.create(mw.baseUrl() + "/api/v1/control")).timeout(WAIT)
                .header("Authorization", "Bearer " + agent.token()).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private long framesNamed(String name) {
        return cti.receivedCommands().stream().filter(c -> c.is(name)).count();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return AgentHttp.JSON.readTree(response.body());
    }

    @Test
    void aRetryUnderTheSameKeyGetsTheSameAnswerAndTheCtiGetsOneFrame() throws Exception {
        AgentHttp agent1 = attached("agent1");
        HttpResponse<String> first = control(agent1, "dial-1", MAKE_CALL);
        HttpResponse<String> retry = control(agent1, "dial-1", "{\"phoneNumber\":\"+79001234567\",\"name\":\"MakeCall\"}");

        assertEquals(200, first.statusCode(), first.body());
        assertEquals(200, retry.statusCode());
        assertEquals(first.body(), retry.body());
        assertEquals("true", retry.headers().firstValue("Idempotent-Replay").orElseThrow());
        String id = json(first).path("commandId").asText();
        assertEquals("/api/v1/commands/" + id, first.headers().firstValue("Location").orElseThrow());
        assertEquals(1, framesNamed("MakeCall"), "both answers are in: the retry sent nothing");

        JsonNode stored = json(agent1.get("/api/v1/commands/" + id));
        assertEquals("MakeCall", stored.path("name").asText());
        assertEquals("{\"phoneNumber\":\"+79001234567\"}", stored.path("fields").toString());
        assertEquals("ok", stored.path("outcome").asText());
        assertEquals("dial-1", stored.path("idempotencyKey").asText());
    }

    @Test
    void concurrentRetriesUnderOneKeySendOneFrameAndAllGetItsAnswer() throws Exception {
        AgentHttp agent1 = attached("agent1");
        List<CompletableFuture<HttpResponse<String>>> retries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            retries.add(http.sendAsync(request(agent1, "dial-2", MAKE_CALL), HttpResponse.BodyHandlers.ofString()));
        }
        Set<String> ids = retries.stream().map(CompletableFuture::join).map(r -> {
            assertEquals(200, r.statusCode(), r.body());
            return r.headers().firstValue("Location").orElseThrow();
        }).collect(Collectors.toSet());
        assertEquals(1, ids.size(), "every attempt names the one command: " + ids);
        assertEquals(1, framesNamed("MakeCall"));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndSendsNothing() throws Exception {
        AgentHttp agent1 = attached("agent1");
        assertEquals(200, control(agent1, "k-3", MAKE_CALL).statusCode());
        long before = framesNamed("MakeCall");
        HttpResponse<String> other = control(agent1, "k-3", "{\"name\":\"MakeCall\",\"phoneNumber\":\"+100\"}");
        assertEquals(422, other.statusCode());
        assertEquals("tag:ctimw.io,2026:problem/idempotency-conflict", json(other).path("type").asText());
        assertEquals(before, framesNamed("MakeCall"));
    }

    @Test
    void keysArePerLoginAndAListingShowsOnlyTheCallersCommands() throws Exception {
        AgentHttp agent1 = attached("agent1");
        AgentHttp agent2 = attached("agent2");
        String mine = json(control(agent1, "same-key", MAKE_CALL)).path("commandId").asText();
        HttpResponse<String> theirs = control(agent2, "same-key", MAKE_CALL);
        assertTrue(theirs.headers().firstValue("Idempotent-Replay").isEmpty(), "agent2's key is its own");
        assertEquals(2, framesNamed("MakeCall"));
        String theirId = json(theirs).path("commandId").asText();

        JsonNode listing = json(agent1.get("/api/v1/commands?limit=10"));
        List<String> listed = new ArrayList<>();
        listing.path("commands").forEach(c -> listed.add(c.path("id").asText()));
        assertEquals(List.of(mine), listed);

        HttpResponse<String> foreign = agent1.get("/api/v1/commands/" + theirId);
        HttpResponse<String> missing = agent1.get("/api/v1/commands/" + mine + "0");
        assertEquals(404, foreign.statusCode());
        assertEquals(404, missing.statusCode());
        assertEquals(json(missing).path("detail").asText().replace(mine + "0", theirId),
                json(foreign).path("detail").asText(), "a foreign id reads exactly like a missing one");
    }

    @Test
    void afterTheWindowTheSameKeySendsAgain() throws Exception {
        mw.close();
        mw = new MiddlewareHarness(MiddlewareApp.start(MiddlewareHarness.settings(db, cti.url(),
                Map.of("control.idempotency-window", "1s"))));
        AgentHttp agent1 = attached("agent1");
        String first = json(control(agent1, "dial-4", MAKE_CALL)).path("commandId").asText();
        HttpResponse<String> fresh = await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> control(agent1, "dial-4", MAKE_CALL),
                        r -> r.headers().firstValue("Idempotent-Replay").isEmpty());
        assertEquals(200, fresh.statusCode(), fresh.body());
        assertNotEquals(first, json(fresh).path("commandId").asText());
        assertEquals(2, framesNamed("MakeCall"), "one frame for the first, one once the key had expired");
    }
}
