package io.ctimw.app.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctimw.adapters.postgres.EmbeddedDatabase;
import io.ctimw.app.middleware.testing.AgentHttp;
import io.ctimw.app.middleware.testing.MiddlewareHarness;
import io.ctimw.core.testing.Await;
import io.ctimw.simulator.CtiSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger's database down: a keyed command is refused unsent, a keyless one still reaches the CTI. */
class CommandLedgerOutageTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String MAKE_CALL = "{\"name\":\"MakeCall\",\"phoneNumber\":\"+79001234567\"}";

    @TempDir
    Path dataDir;

    @Test
    void withAKeyItIs503AndNothingIsSentWithoutOneTheCommandGoesOutUnrecorded() throws Exception {
        EmbeddedDatabase pg = EmbeddedDatabase.start(dataDir, 0);
        try (CtiSimulator cti = CtiSimulator.builder().operators("agent1").build().start();
             MiddlewareHarness mw = new MiddlewareHarness(MiddlewareApp.start(MiddlewareHarness.settings(
                     pg.jdbcUrl(), pg.user(), pg.password(), cti.url(), Map.of("db.pool-size", 2))))) {
            mw.withAgents("agent1");
            AgentHttp agent = mw.agent().login("agent1", MiddlewareHarness.PASSWORD);
            cti.awaitAttached("agent1", WAIT);

            pg.close();
            Await.until(() -> ready(agent) == 503, WAIT, "readiness did not report the database down");
            HttpResponse<String> keyed = control(mw, agent, "dial-1");
            assertEquals(503, keyed.statusCode(), keyed.body());
            assertEquals("tag:ctimw.io,2026:problem/store-unavailable", json(keyed).path("type").asText());
            assertTrue(keyed.headers().firstValue("Retry-After").isPresent());
            assertEquals(0, makeCalls(cti), "the keyed command was answered without being sent");

            HttpResponse<String> keyless = control(mw, agent, null);
            assertEquals(200, keyless.statusCode(), keyless.body());
            assertTrue(json(keyless).path("commandId").isMissingNode(), keyless.body());
            assertTrue(keyless.headers().firstValue("Location").isEmpty());
            assertEquals(1, makeCalls(cti));
        } finally {
            pg.close();
        }
    }

    private static HttpResponse<String> control(MiddlewareHarness mw, AgentHttp agent, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(mw.baseUrl() + "/api/v1/control"))
                .timeout(WAIT).header("Authorization", "Bearer " + agent.token())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(MAKE_CALL));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long makeCalls(CtiSimulator cti) {
        return cti.receivedCommands().stream().filter(c -> c.is("MakeCall")).count();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return AgentHttp.JSON.readTree(response.body());
    }

    private static int ready(AgentHttp agent) {
        try {
            return agent.get("/ready").statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
