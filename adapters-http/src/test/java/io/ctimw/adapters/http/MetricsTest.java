package io.ctimw.adapters.http;

import static io.ctimw.adapters.http.PrometheusText.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.ControlResult;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.StoredEvent;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} on a real server: the figures move with the requests made, labels stay bounded. */
class MetricsTest {
    private static final Instant NOW = Instant.parse("2026-11-21T09:00:10Z");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpMetrics metrics = HttpMetrics.of(registry, Set.of("Answer", "GetCalls"), Clock.fixed(NOW, ZoneOffset.UTC));
    private TestServer server;
    private MetricsServer separate;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (separate != null) {
            separate.stop();
        }
    }

    private String scrape() {
        HttpResponse<String> response = server.send(server.request("/metrics").GET());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(MetricsPage.PROMETHEUS_TEXT, response.headers().firstValue("Content-Type").orElse(""));
        return response.body();
    }

    @Test
    void loginsCommandsAndRequestsAreCountedByOutcomeAndRouteTemplate() {
        server = new TestServer(UnaryOperator.identity(), metrics.servedAt(registry::scrape));
        String before = scrape();
        assertEquals(0, value(before, "ctimw_logins_total", Map.of("outcome", "logged_in")));

        server.send(server.request("/api/v1/login").header("Content-Type", "application/json")
                .POST(TestServer.json("{\"login\":\"agent1\",\"password\":\"s3cret-pass\"}")));
        server.send(server.request("/api/v1/login").header("Content-Type", "application/json")
                .POST(TestServer.json("{\"login\":\"agent1\",\"password\":\"wrong-pass\"}")));
        server.postJson("/api/v1/control", "{\"name\":\"Answer\",\"cid\":2}");
        server.control.next = () -> CompletableFuture.completedFuture(new ControlResult.Invalid("no such command"));
        server.postJson("/api/v1/control", "{\"name\":\"Made-Up-By-A-Client\"}");
        server.get("/api/v1/no/such/path/12345");
        server.send(server.request("/api/v1/session").GET());

        String after = scrape();
        assertEquals(1, value(after, "ctimw_logins_total", Map.of("outcome", "logged_in")));
        assertEquals(1, value(after, "ctimw_logins_total", Map.of("outcome", "rejected")));
        assertEquals(1, value(after, "ctimw_commands_seconds_count", Map.of("command", "Answer", "outcome", "Accepted")));
        assertEquals(1, value(after, "ctimw_commands_seconds_count", Map.of("command", "other", "outcome", "Invalid")));
        assertEquals(1, value(after, "http_server_requests_seconds_count",
                Map.of("method", "POST", "route", "/api/v1/login", "status", "200")));
        assertEquals(1, value(after, "http_server_requests_seconds_count",
                Map.of("method", "POST", "route", "/api/v1/login", "status", "401")));
        assertEquals(1, value(after, "http_server_requests_seconds_count",
                Map.of("method", "GET", "route", HttpMetrics.UNMATCHED, "status", "404")));
        assertEquals(1, value(after, "http_server_requests_seconds_count",
                Map.of("method", "GET", "route", "/api/v1/session", "status", "401")), "refused by the authenticator");
        // Neither a client's path nor a client's command name becomes a label.
        assertFalse(after.contains("12345"), after);
        assertFalse(after.contains("Made-Up-By-A-Client"), after);
        assertTrue(PrometheusText.has(after, "jetty_threads_current"), "Jetty's pool is measured");
    }

    @Test
    void deliveriesCountEventsAndTheirAgeAtDelivery() {
        server = new TestServer(UnaryOperator.identity(), metrics.servedAt(registry::scrape));
        Login agent = new Login("agent1");
        server.events.next = () -> CompletableFuture.completedFuture(List.of(
                new StoredEvent(1, agent, "A", "{\"name\":\"A\"}", NOW.minusSeconds(2)),
                new StoredEvent(2, agent, "B", "{\"name\":\"B\"}", NOW.minusSeconds(4))));
        assertEquals(200, server.get("/api/v1/events").statusCode());

        String after = scrape();
        assertEquals(2, value(after, "ctimw_events_delivered_total"));
        assertEquals(2, value(after, "ctimw_events_delivery_lag_seconds_count"));
        assertEquals(6.0, value(after, "ctimw_events_delivery_lag_seconds_sum"), 1e-9);
        assertEquals(0, value(after, "ctimw_events_delivery_lag_seconds_bucket", Map.of("le", "1.0")));
        assertEquals(2, value(after, "ctimw_events_delivery_lag_seconds_bucket", Map.of("le", "5.0")));
    }

    @Test
    void waitingLongPollsAreAGaugeThatFallsWhenTheyAreAnswered() {
        server = new TestServer(UnaryOperator.identity(), metrics.servedAt(registry::scrape));
        CompletableFuture<List<StoredEvent>> pending = new CompletableFuture<>();
        server.events.next = () -> pending;
        CompletableFuture<HttpResponse<String>> poll = server.sendAsync(server.authed("/api/v1/events?wait=30").GET());

        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> value(scrape(), "ctimw_polls_waiting") == 1);
        pending.complete(List.of());
        assertEquals(204, poll.join().statusCode());
        assertEquals(0, value(scrape(), "ctimw_polls_waiting"));
    }

    @Test
    void edgeRefusalsAreCountedByProblemType() {
        server = new TestServer(s -> s.withMaxBodyBytes(16), metrics.servedAt(registry::scrape));
        server.postJson("/api/v1/control", "{\"name\":\"Answer\",\"cid\":\"a-long-call-id\"}");

        assertEquals(1, value(scrape(), "ctimw_http_refused_total",
                Map.of("status", "413", "type", "content-too-large")));
    }

    @Test
    void withMetricsTurnedOffThePathIsNotFound() {
        server = new TestServer();
        TestServer.assertProblem(server.send(server.request("/metrics").GET()), 404, "not-found");
    }

    @Test
    void aSeparateListenerServesTheMetricsAndTheApiPortDoesNot() throws Exception {
        server = new TestServer(UnaryOperator.identity(), metrics);
        separate = MetricsServer.start("127.0.0.1", 0, registry::scrape);
        server.send(server.request("/api/v1/login").header("Content-Type", "application/json")
                .POST(TestServer.json("{\"login\":\"agent1\",\"password\":\"s3cret-pass\"}")));

        TestServer.assertProblem(server.send(server.request("/metrics").GET()), 404, "not-found");
        HttpResponse<String> response = server.client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + separate.port() + "/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals(1, value(response.body(), "ctimw_logins_total", Map.of("outcome", "logged_in")));
    }
}
