package io.ctimw.adapters.http;

import static io.ctimw.adapters.http.TestServer.assertProblem;
import static io.ctimw.adapters.http.TestServer.body;
import static io.ctimw.adapters.http.TestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AuthenticationTest {
    private static final String OTHER_WELL_FORMED = "x".repeat(40);

    private final TestServer server = new TestServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void bearerHeaderAuthenticates() {
        HttpResponse<String> response = server.send(server.request("/api/v1/session")
                .header("Authorization", "Bearer " + Fakes.TOKEN));

        assertEquals(200, response.statusCode());
        JsonNode body = body(response);
        assertEquals("agent1", body.path("login").asText());
        assertEquals("2026-11-21T08:00:00Z", body.path("createdAt").asText());
        assertEquals("2026-11-21T20:00:00Z", body.path("expiresAt").asText());
        assertEquals(7, body.path("cursor").asLong());
        // What the core says this session may do, relayed as it is.
        assertEquals("agent", body.path("role").asText());
        assertEquals("[\"control:Answer\",\"control:ChangeUserState\",\"events\"]", body.path("grants").toString());
        assertEquals("[\"Answer\",\"ChangeUserState\"]", body.path("commands").toString());
        assertEquals("[\"away\",\"normal\"]", body.path("states").toString());
        assertEquals(List.of(Fakes.SESSION), server.control.sessions, "asked about the caller's own session");
    }

    @Test
    void cookieAuthenticates() {
        HttpResponse<String> response = server.send(server.request("/api/v1/session")
                .header("Cookie", "other=1; ctimw_session=" + Fakes.TOKEN));

        assertEquals(200, response.statusCode());
        assertEquals("agent1", body(response).path("login").asText());
    }

    @Test
    void missingTokenIs401WithoutTouchingTheCore() {
        HttpResponse<String> events = server.send(server.request("/api/v1/events"));
        HttpResponse<String> control = server.send(server.request("/api/v1/control").POST(json("{\"name\":\"Answer\"}")));

        assertProblem(events, 401, "unauthorized");
        assertProblem(control, 401, "unauthorized");
        assertEquals("Bearer", events.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertTrue(server.auth.calls.isEmpty());
        assertTrue(server.events.queries.isEmpty());
        assertTrue(server.control.requests.isEmpty());
    }

    static List<String> malformedAuthorizations() {
        return List.of("Bearer short", "Bearer " + "a".repeat(129), "Bearer has spaces in it and is long enough ok",
                "Bearer tok_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcde!", "Basic YWdlbnQxOnMzY3JldA==", "Bearer",
                "Token " + Fakes.TOKEN);
    }

    @ParameterizedTest
    @MethodSource("malformedAuthorizations")
    void malformedTokensAre401WithoutCallingAuthenticate(String authorization) {
        HttpResponse<String> events = server.send(server.request("/api/v1/events").header("Authorization", authorization));
        HttpResponse<String> control = server.send(server.request("/api/v1/control")
                .header("Authorization", authorization).POST(json("{\"name\":\"Answer\"}")));

        assertProblem(events, 401, "unauthorized");
        assertProblem(control, 401, "unauthorized");
        assertTrue(server.auth.calls.isEmpty(), "malformed tokens never reach the core");
        assertTrue(server.events.queries.isEmpty());
        assertTrue(server.control.requests.isEmpty());
    }

    @Test
    void malformedCookieIs401WithoutCallingAuthenticate() {
        HttpResponse<String> response = server.send(server.request("/api/v1/events").header("Cookie", "ctimw_session=short"));

        assertProblem(response, 401, "unauthorized");
        assertTrue(server.auth.calls.isEmpty());
    }

    @Test
    void unknownTokenIs401AndNeverCallsEventsOrControl() {
        HttpResponse<String> events = server.send(server.request("/api/v1/events")
                .header("Authorization", "Bearer " + OTHER_WELL_FORMED));
        HttpResponse<String> control = server.send(server.request("/api/v1/control")
                .header("Cookie", "ctimw_session=" + OTHER_WELL_FORMED).POST(json("{\"name\":\"Answer\"}")));

        assertProblem(events, 401, "unauthorized");
        assertProblem(control, 401, "unauthorized");
        assertEquals(2, server.auth.calls.size());
        assertTrue(server.events.queries.isEmpty());
        assertTrue(server.control.requests.isEmpty());
    }

    @Test
    void logoutEndsTheSessionAndClearsTheCookie() {
        HttpResponse<String> response = server.send(server.authed("/api/v1/logout").POST(HttpRequest.BodyPublishers.noBody()));

        assertEquals(204, response.statusCode());
        assertEquals("ctimw_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict",
                response.headers().firstValue("Set-Cookie").orElseThrow());
        assertEquals(List.of("logout", Fakes.SESSION), server.auth.calls.get(1));
        assertProblem(server.get("/api/v1/session"), 401, "unauthorized");
    }

    @Test
    void healthAndLoginNeedNoToken() {
        assertEquals(200, server.send(server.request("/health")).statusCode());
        assertEquals(200, server.send(server.request("/ready")).statusCode());
        assertTrue(server.auth.calls.isEmpty());
    }
}
