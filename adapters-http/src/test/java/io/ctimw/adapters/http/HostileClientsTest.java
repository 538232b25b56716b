package io.ctimw.adapters.http;

import static io.ctimw.adapters.http.TestServer.assertProblem;
import static io.ctimw.adapters.http.TestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Clients that try to take the server from everyone else: slow bodies and login floods. The pool has 8
 * threads, so each attack below is bigger than the pool; the other agents must still be served.
 */
class HostileClientsTest {
    private static final int POOL = 8;
    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    private static HttpRequest.Builder promptly(HttpRequest.Builder request) {
        return request.timeout(PROMPTLY);
    }

    private static void assertOthersAreServed(TestServer server) {
        assertEquals(200, server.send(promptly(server.request("/health"))).statusCode());
        assertEquals(200, server.send(promptly(server.request("/ready"))).statusCode());
        HttpResponse<String> otherAgentsPoll = server.send(promptly(server.request("/api/v1/events"))
                .header("Authorization", "Bearer " + Fakes.OTHER_TOKEN));
        assertEquals(204, otherAgentsPoll.statusCode(), "nothing new: " + otherAgentsPoll.body());
        assertTrue(server.events.sessions.contains(Fakes.OTHER_SESSION), "the poll reached the core");
        HttpResponse<String> command = server.send(promptly(server.request("/api/v1/control"))
                .header("Authorization", "Bearer " + Fakes.OTHER_TOKEN).header("Content-Type", "application/json")
                .POST(json("{\"name\":\"Answer\",\"cid\":2}")));
        assertEquals(200, command.statusCode(), command.body());
    }

    private static HttpRequest.Builder login(TestServer server, String password) {
        return login(server, "/api/v1/login", password);
    }

    private static HttpRequest.Builder login(TestServer server, String path, String password) {
        return promptly(server.request(path)).header("Content-Type", "application/json")
                .POST(json("{\"login\":\"agent1\",\"password\":\"" + password + "\"}"));
    }

    @Test
    void slowBodiesHoldNoThreadSoEveryoneElseIsServed() {
        try (TestServer server = new TestServer(s -> s.withMaxThreads(POOL))) {
            List<SlowClient> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 3 * POOL; i++) {
                    slow.add(i % 2 == 0 ? SlowClient.control(server.api.port(), Fakes.TOKEN) : SlowClient.login(server.api.port()));
                }

                Awaitility.await().atMost(PROMPTLY).until(() -> server.api.pendingBodies() == slow.size());

                assertOthersAreServed(server);
                assertEquals(200, server.send(login(server, "s3cret-pass")).statusCode());
                assertTrue(slow.stream().allMatch(c -> c.available() == 0), "the slow clients are still waiting");
                assertTrue(server.control.requests.stream().allMatch(r -> r.name().equals("Answer")));
            } finally {
                slow.forEach(SlowClient::close);
            }
        }
    }

    @Test
    void aLoginFloodIsAnswered503AtOnceInsteadOfQueueingOnTheWorkers() throws Exception {
        try (TestServer server = new TestServer(s -> s.withMaxThreads(POOL))) {
            CountDownLatch checks = new CountDownLatch(1);
            server.auth.slowChecks = checks;
            List<CompletableFuture<HttpResponse<String>>> admitted = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    admitted.add(server.sendAsync(server.request("/api/v1/login")
                            .header("Content-Type", "application/json")
                            .POST(json("{\"login\":\"agent1\",\"password\":\"wrong\"}"))));
                }
                Awaitility.await().atMost(PROMPTLY).until(() -> server.auth.logins() == 2);

                List<CompletableFuture<HttpResponse<String>>> flood = new ArrayList<>();
                for (int i = 0; i < 3 * POOL; i++) {
                    // Javalin routes a trailing slash to the same handler: it must meet the same limit.
                    flood.add(server.sendAsync(login(server, i % 2 == 0 ? "/api/v1/login" : "/api/v1/login/", "wrong")));
                }
                for (CompletableFuture<HttpResponse<String>> answer : flood) {
                    HttpResponse<String> response = answer.get(10, TimeUnit.SECONDS);
                    assertProblem(response, 503, "login-busy");
                    assertTrue(response.headers().firstValue("Retry-After").isPresent());
                }
                assertEquals(2, server.auth.logins(), "the flood never reached a password check");
                assertOthersAreServed(server);
            } finally {
                checks.countDown();
            }
            for (CompletableFuture<HttpResponse<String>> answer : admitted) {
                assertProblem(answer.get(10, TimeUnit.SECONDS), 401, "login-rejected");
            }
        }
    }
}
