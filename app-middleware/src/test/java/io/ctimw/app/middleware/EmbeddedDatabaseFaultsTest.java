package io.ctimw.app.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.ctimw.app.middleware.testing.AgentHttp;
import io.ctimw.app.middleware.testing.MiddlewareHarness;
import io.ctimw.app.middleware.testing.Postmaster;
import io.ctimw.core.testing.Await;
import io.ctimw.simulator.CtiSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded PostgreSQL frozen or killed under a running middleware: /ready says so fast, and a killed one comes back. */
class EmbeddedDatabaseFaultsTest {
    private static final Duration RECOVERY = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Path dataDir;

    /** The database's folder; its intake log goes next to it, inside this test's own temp folder. */
    private static Path pgDir() {
        return dataDir.resolve("postgres");
    }
    private static CtiSimulator cti;
    private static MiddlewareHarness mw;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("faults-postgres");
        cti = CtiSimulator.builder().operators("agent1").build().start();
        mw = new MiddlewareHarness(MiddlewareApp.start(MiddlewareHarness.settings("", "postgres", "", cti.url(),
                Map.of("db.embedded.dir", pgDir().toString(), "db.embedded.fsync", false)))).withAgents("agent1");
        Await.until(() -> ready() == 200, RECOVERY, "the middleware did not become ready");
    }

    @AfterAll
    static void stop() {
        mw.close();
        cti.close();
    }

    @Test
    void aFrozenDatabaseMakesReadinessAnswer503Fast() throws Exception {
        List<Long> frozen = Postmaster.processes(pgDir());
        Postmaster.signal("STOP", frozen);
        try {
            // ready() gives up after 2 s, so a probe that hangs on the frozen server never counts as 503.
            Await.until(() -> ready() == 503, Duration.ofSeconds(3), "/ready did not answer 503 while the database is frozen");
        } finally {
            Postmaster.signal("CONT", frozen);
        }
        Await.until(() -> ready() == 200, RECOVERY, "/ready did not recover once the database thawed");
    }

    @Test
    void aKilledDatabaseIsRestartedAndServesAgain() throws Exception {
        long killed = Postmaster.pid(pgDir());
        ProcessHandle.of(killed).orElseThrow().destroyForcibly(); // SIGKILL, as kill -9

        Await.until(() -> Postmaster.pid(pgDir()) != killed && ready() == 200, RECOVERY,
                "the database did not come back by itself");
        assertNotEquals(killed, Postmaster.pid(pgDir()));
        AgentHttp agent = mw.agent().login("agent1", MiddlewareHarness.PASSWORD); // needs the database
        assertEquals(200, agent.get("/api/v1/session").statusCode());
    }

    private static int ready() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(mw.baseUrl() + "/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
