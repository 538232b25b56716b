package io.ctimw.app.middleware;

import io.ctimw.app.middleware.testing.AgentHttp;
import io.ctimw.app.middleware.testing.MiddlewareHarness;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctimw.adapters.postgres.EmbeddedDatabase;
import io.ctimw.core.testing.Await;
import io.ctimw.simulator.CtiSimulator;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL vanishing under a running middleware and coming back: the service says so and loses nothing. */
class DatabaseOutageTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @Test
    void eventsArrivingWhileTheDatabaseIsDownAreDeliveredOnceItIsBack() throws Exception {
        EmbeddedDatabase pg = EmbeddedDatabase.start(dataDir, 0);
        int port = pg.port();
        try (CtiSimulator cti = CtiSimulator.builder().operators("agent1").build().start();
             MiddlewareHarness mw = new MiddlewareHarness(MiddlewareApp.start(MiddlewareHarness.settings(
                     pg.jdbcUrl(), pg.user(), pg.password(), cti.url(), Map.of("db.pool-size", 2))))) {
            mw.withAgents("agent1");
            AgentHttp a1 = mw.agent().login("agent1", MiddlewareHarness.PASSWORD);
            cti.awaitAttached("agent1", WAIT);
            a1.settled(WAIT);

            pg.close();
            for (int i = 0; i < 3; i++) {
                cti.injectIncomingCall("agent1", "+70" + i);
            }
            Await.until(() -> status(a1, "/ready") == 503, WAIT, "readiness did not report the database down");
            // A request that needs the database says so; a poll with nothing new stored needs none.
            HttpResponse<String> during = mw.agent().post("/api/v1/login",
                    "{\"login\":\"agent1\",\"password\":\"" + MiddlewareHarness.PASSWORD + "\"}");
            assertEquals(503, during.statusCode(), during.body());
            assertTrue(during.headers().firstValue("Retry-After").isPresent());
            int poll = a1.get("/api/v1/events").statusCode();
            assertTrue(poll == 204 || poll == 503, "a poll during the outage: " + poll);
            JsonNode ready = AgentHttp.JSON.readTree(a1.get("/ready").body());
            assertEquals(false, ready.get("database").asBoolean());
            assertEquals(true, ready.get("cti").asBoolean());

            pg = EmbeddedDatabase.start(dataDir, port);
            List<JsonNode> calls = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (calls.size() < 3 && System.nanoTime() < deadline) {
                HttpResponse<String> r = a1.get("/api/v1/events?wait=1");
                if (r.statusCode() == 200) {
                    AgentHttp.JSON.readTree(r.body()).forEach(e -> {
                        if (e.path("name").asText().equals("NewCall")) {
                            calls.add(e);
                        }
                    });
                }
            }
            assertEquals(3, calls.size(), "every call that rang during the outage is delivered: " + calls);
            for (int i = 0; i < 3; i++) {
                assertTrue(calls.get(i).toString().contains("+70" + i), "in order: " + calls);
            }
            Await.until(() -> status(a1, "/ready") == 200, WAIT, "readiness did not recover");
        } finally {
            pg.close();
        }
    }

    private static int status(AgentHttp agent, String path) {
        try {
            return agent.get(path).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
