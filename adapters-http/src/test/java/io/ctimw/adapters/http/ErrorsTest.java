package io.ctimw.adapters.http;

import static io.ctimw.adapters.http.TestServer.assertProblem;
import static io.ctimw.adapters.http.TestServer.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctimw.core.model.Readiness;
import io.ctimw.core.port.out.StoreUnavailableException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ErrorsTest {
    private final TestServer server = new TestServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void unknownRouteIs404Problem() {
        HttpResponse<String> anonymous = server.send(server.request("/nope"));
        HttpResponse<String> underApi = server.send(server.request("/api/v1/nope"));

        assertProblem(anonymous, 404, "not-found");
        assertProblem(underApi, 404, "not-found"); // not 401: unknown paths are not auth-gated
        assertEquals("nosniff", anonymous.headers().firstValue("X-Content-Type-Options").orElseThrow());
    }

    @Test
    void wrongMethodIs405ProblemWithAllow() {
        HttpResponse<String> response = server.send(server.request("/api/v1/login"));

        assertProblem(response, 405, "method-not-allowed");
        assertEquals("POST", response.headers().firstValue("Allow").orElseThrow());
        assertProblem(server.send(server.authed("/api/v1/events").DELETE()), 405, "method-not-allowed");
    }

    @Test
    void jettysOwnErrorsAreProblemsToo() {
        HttpResponse<String> response = server.send(server.request("/health").header("X-Big", "a".repeat(20_000)));

        assertEquals(431, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(431, body(response).path("status").asInt());
    }

    @Test
    void storeOutageDuringAuthenticationIs503() {
        server.auth.failure = new StoreUnavailableException("db down", null);

        HttpResponse<String> response = server.get("/api/v1/session");

        assertProblem(response, 503, "store-unavailable");
        assertEquals("5", response.headers().firstValue("Retry-After").orElseThrow());
    }

    @Test
    void unexpectedExceptionIs500WithAnErrorIdAndNoInternals() {
        server.events.next = () -> CompletableFuture.failedFuture(new IllegalStateException("secret internals"));

        HttpResponse<String> response = server.get("/api/v1/events");

        JsonNode problem = assertProblem(response, 500, "internal-error");
        String errorId = problem.path("errorId").asText();
        assertTrue(errorId.matches("[0-9a-f]{10}"), errorId);
        assertTrue(problem.path("detail").asText().contains(errorId));
        assertTrue(!response.body().contains("secret internals"));
    }

    @Test
    void thrownUnexpectedExceptionIs500Too() {
        server.auth.failure = new NullPointerException("boom");

        assertProblem(server.get("/api/v1/session"), 500, "internal-error");
    }

    @Test
    void healthIsUpWithoutDependencies() {
        server.readiness.next = () -> {
            throw new AssertionError("liveness must not check readiness");
        };

        HttpResponse<String> response = server.send(server.request("/health"));

        assertEquals(200, response.statusCode());
        assertEquals("{\"status\":\"UP\"}", response.body());
    }

    @Test
    void readyReportsEachDependency() {
        HttpResponse<String> ready = server.send(server.request("/ready"));
        assertEquals(200, ready.statusCode());
        assertEquals("{\"status\":\"READY\",\"database\":true,\"cti\":true,\"bufferedEvents\":0,\"attachedPhones\":3,"
                + "\"quarantinedEvents\":0,\"quarantineFailures\":0,\"unloggedEvents\":0}", ready.body());

        server.readiness.next = () -> new Readiness(true, false, 12, 0, 4, 1, 2);
        HttpResponse<String> notReady = server.send(server.request("/ready"));
        assertEquals(503, notReady.statusCode());
        assertEquals("5", notReady.headers().firstValue("Retry-After").orElseThrow());
        JsonNode body = body(notReady);
        assertEquals("NOT_READY", body.path("status").asText());
        assertEquals(false, body.path("cti").asBoolean());
        assertEquals(12, body.path("bufferedEvents").asInt());
        assertEquals(4, body.path("quarantinedEvents").asInt());
        assertEquals(1, body.path("quarantineFailures").asInt());
        assertEquals(2, body.path("unloggedEvents").asInt());
    }

    @Test
    void apiAnswersAreNeverCached() {
        HttpResponse<String> session = server.get("/api/v1/session");
        HttpResponse<String> unauthorized = server.send(server.request("/api/v1/session"));
        HttpResponse<String> logout = server.send(server.authed("/api/v1/logout").POST(HttpRequest.BodyPublishers.noBody()));

        for (HttpResponse<String> response : java.util.List.of(session, unauthorized, logout)) {
            assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
        }
    }
}
