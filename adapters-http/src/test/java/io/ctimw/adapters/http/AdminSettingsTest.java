package io.ctimw.adapters.http;

import static io.ctimw.adapters.http.TestServer.assertProblem;
import static io.ctimw.adapters.http.TestServer.body;
import static io.ctimw.adapters.http.TestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ctimw.core.model.Login;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The settings and throttle endpoints and the throttled login, as HTTP: shapes, statuses, headers. */
class AdminSettingsTest {
    private final TestServer server = new TestServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> patch(String body) {
        return server.send(server.authed("/api/v1/admin/settings").header("Content-Type", "application/json")
                .method("PATCH", json(body)));
    }

    @Test
    void getListsEachSettingWithItsValueTheFilesValueAndWhetherItIsStored() {
        HttpResponse<String> r = server.send(server.authed("/api/v1/admin/settings").GET());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("{\"settings\":[{\"name\":\"cti.allowed-states\",\"value\":[\"away\",\"normal\"],"
                + "\"fileValue\":[\"normal\"],\"stored\":true}]}", r.body());
    }

    @Test
    void patchHandsTheCoreTheJsonValuesNullIncluded() {
        assertEquals(200, patch("{\"login-throttle.max-failures\":3,\"cti.allowed-states\":null}").statusCode());
        java.util.HashMap<String, Object> expected = new java.util.HashMap<>();
        expected.put("login-throttle.max-failures", 3);
        expected.put("cti.allowed-states", null);
        assertEquals(List.of("change", new Login("agent1"), expected), server.settings.calls.get(0));
    }

    @Test
    void theListTakesNoQueryParameters() {
        HttpResponse<String> r = server.send(server.authed("/api/v1/admin/settings?name=cti.allowed-states").GET());
        assertProblem(r, 400, "bad-request");
        assertEquals("name", body(r).path("parameter").asText());
        assertEquals(List.of(), server.settings.calls);
    }

    @Test
    void anInvalidSettingIs400NamingIt() {
        HttpResponse<String> r = patch("{\"bogus\":1}");
        assertProblem(r, 400, "invalid-setting");
        assertEquals("bogus", body(r).path("setting").asText());
        assertProblem(patch("{}"), 400, "bad-request");
        assertProblem(patch("[1]"), 400, "bad-request");
    }

    @Test
    void withoutASessionTheAdminEndpointsAre401AndTheCoreIsNotAsked() {
        assertProblem(server.send(server.request("/api/v1/admin/settings").GET()), 401, "unauthorized");
        assertEquals(List.of(), server.settings.calls);
    }

    @Test
    void deleteUnblocksTheLoginAndAnswers204() {
        HttpResponse<String> r = server.send(server.authed("/api/v1/admin/login-throttle/agent2").DELETE());
        assertEquals(204, r.statusCode(), r.body());
        assertEquals(List.of(new Login("agent2")), server.unblocked);
        assertProblem(server.send(server.authed("/api/v1/admin/login-throttle/a%20b").DELETE()), 400, "bad-request");
    }

    @Test
    void aThrottledLoginIs429TooManyAttemptsWithRetryAfterInWholeSeconds() {
        server.auth.throttled = Duration.ofMillis(899_001);
        HttpResponse<String> r = server.send(server.request("/api/v1/login").header("Content-Type", "application/json")
                .POST(json("{\"login\":\"agent1\",\"password\":\"s3cret-pass\"}")));
        assertProblem(r, 429, "too-many-attempts");
        assertEquals("900", r.headers().firstValue("Retry-After").orElse(null));
        assertEquals(Map.of("retryAfterSeconds", 900), Map.of("retryAfterSeconds", body(r).path("retryAfterSeconds").asInt()));
    }
}
