package io.ctimw.adapters.http;

import static io.ctimw.adapters.http.TestServer.assertProblem;
import static io.ctimw.adapters.http.TestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Each limit of {@link EdgeLimits}, reached on purpose: the excess is answered at once, with a problem. */
class EdgeLimitsTest {
    private static final String COMMAND = "{\"name\":\"Answer\",\"cid\":2}";

    /** Bodies may take 30 s (1 byte/s would do): only the pending-body limits are in play. */
    private static EdgeLimits patient(int pendingTotal, int pendingPerAddress) {
        return new EdgeLimits(Duration.ofSeconds(30), 1, pendingTotal, pendingPerAddress, 16, 4, 2);
    }

    private static void awaitPending(TestServer server, int bodies) {
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> server.api.pendingBodies() == bodies);
    }

    private static TestServer serverWith(EdgeLimits limits) {
        return new TestServer(s -> s.withLimits(limits));
    }

    /** A whole command sent in one write, headers and body together, from the same address as the attackers. */
    private static String promptCommand(TestServer server) {
        try (SlowClient whole = new SlowClient(server.api.port(), "/api/v1/control",
                "Authorization: Bearer " + Fakes.TOKEN + "\r\n", COMMAND.length(), COMMAND)) {
            return whole.readAnswer();
        }
    }

    @Test
    void aBodyThatDoesNotArriveInTimeIs408AndNeverReachesTheCore() {
        try (TestServer server = serverWith(EdgeLimits.defaults().withBodies(Duration.ofSeconds(1), 1024, 32));
             SlowClient slow = SlowClient.control(server.api.port(), Fakes.TOKEN)) {
            String answer = slow.readAnswer();

            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(answer.contains("problem/body-timeout"), answer);
            assertTrue(answer.toLowerCase().contains("connection: close"), answer);
            assertTrue(server.control.requests.isEmpty());
        }
    }

    @Test
    void unfinishedBodiesBeyondTheAddressShareAre429ButWholeRequestsAreServed() {
        try (TestServer server = serverWith(patient(1024, 2));
             SlowClient first = SlowClient.control(server.api.port(), Fakes.TOKEN);
             SlowClient second = SlowClient.login(server.api.port())) {
            awaitPending(server, 2);
            String refused;
            try (SlowClient third = SlowClient.control(server.api.port(), Fakes.TOKEN)) {
                refused = third.readAnswer();
            }

            assertTrue(refused.startsWith("HTTP/1.1 429"), refused);
            assertTrue(refused.contains("problem/too-many-requests"), refused);
            assertTrue(refused.contains("Retry-After: 5"), refused);
            assertTrue(promptCommand(server).startsWith("HTTP/1.1 200"), "a body that came with its headers never waits");
            assertEquals(0, first.available() + second.available(), "the first two are still waiting");
            assertEquals(2, server.api.pendingBodies());
        }
    }

    @Test
    void unfinishedBodiesBeyondTheTotalAre503() {
        try (TestServer server = serverWith(patient(2, 32));
             SlowClient first = SlowClient.control(server.api.port(), Fakes.TOKEN);
             SlowClient second = SlowClient.control(server.api.port(), Fakes.TOKEN)) {
            awaitPending(server, 2);
            String refused;
            try (SlowClient third = SlowClient.login(server.api.port())) {
                refused = third.readAnswer();
            }

            assertTrue(refused.startsWith("HTTP/1.1 503"), refused);
            assertTrue(refused.contains("problem/server-busy"), refused);
            assertTrue(refused.contains("Retry-After: 5"), refused);
        }
    }

    @Test
    void requestsOnWorkersBeyondTheAddressShareAre429ButHealthIsServed() throws Exception {
        EdgeLimits oneAtATime = new EdgeLimits(Duration.ofSeconds(10), 1024, 1024, 32, 1, 4, 4);
        try (TestServer server = serverWith(oneAtATime)) {
            CountDownLatch checks = new CountDownLatch(1);
            server.auth.slowChecks = checks;
            CompletableFuture<HttpResponse<String>> login = server.sendAsync(server.request("/api/v1/login")
                    .header("Content-Type", "application/json")
                    .POST(json("{\"login\":\"agent1\",\"password\":\"s3cret-pass\"}")));
            try {
                Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> server.auth.logins() == 1);

                HttpResponse<String> refused = server.get("/api/v1/session");
                assertProblem(refused, 429, "too-many-requests");
                assertEquals("5", refused.headers().firstValue("Retry-After").orElseThrow());
                assertEquals(200, server.send(server.request("/health")).statusCode());
            } finally {
                checks.countDown();
            }
            assertEquals(200, login.get(10, TimeUnit.SECONDS).statusCode());
            // The answer reaches the client just before the worker thread returns and gives its place back.
            Awaitility.await("the place is free again").atMost(Duration.ofSeconds(5))
                    .until(() -> server.get("/api/v1/session").statusCode() == 200);
        }
    }

    @Test
    void aLoginPlaceIsTakenOnlyOnceTheBodyIsComplete() {
        try (TestServer server = serverWith(EdgeLimits.defaults().withLogins(1, 1))) {
            List<SlowClient> slowLogins = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    slowLogins.add(SlowClient.login(server.api.port()));
                }
                HttpResponse<String> login = server.send(server.request("/api/v1/login")
                        .header("Content-Type", "application/json")
                        .POST(json("{\"login\":\"agent1\",\"password\":\"s3cret-pass\"}")));
                assertEquals(200, login.statusCode(), login.body());
            } finally {
                slowLogins.forEach(SlowClient::close);
            }
        }
    }
}
