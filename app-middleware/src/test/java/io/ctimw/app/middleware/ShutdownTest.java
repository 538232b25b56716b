package io.ctimw.app.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.adapters.postgres.EmbeddedDatabase;
import io.ctimw.app.middleware.testing.AgentHttp;
import io.ctimw.app.middleware.testing.ChildProcess;
import io.ctimw.app.middleware.testing.ChildSetup;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to the middleware with events still queued (the embedded database frozen): the stop answers
 * the waiting long-poll 503, stores every queued event, and only then stops the database.
 */
class ShutdownTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void sigtermStoresEveryQueuedEventBeforeTheDatabaseStops() throws Exception {
        Path dataDir = dir.resolve("postgres");
        try (CtiSimulator cti = CtiSimulator.builder().operators("agent1").build().start()) {
            Path conf = ChildSetup.configWithAgent1(dir, cti, dataDir, "");
            try (ChildProcess mw = ChildProcess.start(MiddlewareMain.class, "--config", conf.toString())) {
                String base = mw.awaitLine("cti-middleware ready: (http://[^ ]+)", WAIT);
                AgentHttp agent = new AgentHttp(base).login("agent1", MiddlewareHarness.PASSWORD);
                cti.awaitAttached("agent1", WAIT);
                agent.settled(WAIT);
                CompletableFuture<HttpResponse<String>> poll = longPoll(base, agent.token());

                List<Long> frozen = Postmaster.processes(dataDir);
                Postmaster.signal("STOP", frozen);
                try {
                    for (int i = 0; i < 3; i++) {
                        cti.injectIncomingCall("agent1", "+70" + i);
                    }
                    Await.until(() -> ChildSetup.bufferedEvents(agent) >= 3, WAIT, "the calls were not buffered");
                    mw.terminate();
                    HttpResponse<String> stopped = poll.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                    assertEquals(503, stopped.statusCode(), stopped.body());
                    assertTrue(stopped.headers().firstValue("Retry-After").isPresent());
                    assertEquals("application/problem+json", stopped.headers().firstValue("Content-Type").orElse(""));
                    assertTrue(stopped.body().contains("shutting-down"), stopped.body());
                } finally {
                    Postmaster.signal("CONT", frozen);
                }
                assertTrue(mw.awaitExit(WAIT), "the middleware did not exit");
                int journal = mw.lineOf("stop: event journal done");
                int database = mw.lineOf("embedded PostgreSQL on port");
                assertTrue(journal >= 0 && database > journal, "journal drained, then database stopped:\n" + mw.lines());
                assertEquals(-1, mw.lineOf("not yet stored"), String.join("\n", mw.lines()));
                assertFalse(Files.exists(dataDir.resolve("postmaster.pid")), "the database was stopped cleanly");
            }
        }
        assertEquals(3, storedCalls(dataDir), "every call queued at the stop was stored");
    }

    private static CompletableFuture<HttpResponse<String>> longPoll(String base, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/events?wait=60"))
                .header("Authorization", "Bearer " + token).timeout(WAIT).GET().build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int storedCalls(Path dataDir) throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, 0, false);
             Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT count(*) FROM events WHERE login = 'agent1' AND name = 'NewCall'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
