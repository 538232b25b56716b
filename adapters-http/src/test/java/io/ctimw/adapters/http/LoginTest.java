package io.ctimw.adapters.http;

import static io.ctimw.adapters.http.TestServer.assertProblem;
import static io.ctimw.adapters.http.TestServer.body;
import static io.ctimw.adapters.http.TestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoginTest {
    private final TestServer server = new TestServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> login(String body) {
        return server.send(server.request("/api/v1/login").header("Content-Type", "application/json").POST(json(body)));
    }

    @Test
    void loginAnswersTokenAndSetsAStrictHttpOnlyCookie() {
        HttpResponse<String> response = login("{\"login\":\"agent1\",\"password\":\"s3cret-pass\"}");

        assertEquals(200, response.statusCode());
        JsonNode body = body(response);
        assertEquals(Fakes.TOKEN, body.path("token").asText());
        assertEquals("agent1", body.path("login").asText());
        assertEquals("2026-11-21T20:00:00Z", body.path("expiresAt").asText());
        assertEquals(3, body.size());
        assertEquals("ctimw_session=" + Fakes.TOKEN + "; Path=/; Max-Age=43200; HttpOnly; SameSite=Strict",
                response.headers().firstValue("Set-Cookie").orElseThrow());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void cookieIsSecureWhenConfigured() {
        try (TestServer secure = new TestServer(s -> s.withCookie("sid", true, Duration.ofMinutes(30)))) {
            HttpResponse<String> response = secure.send(secure.request("/api/v1/login")
                    .header("Content-Type", "application/json").POST(json("{\"login\":\"agent1\",\"password\":\"s3cret-pass\"}")));

            assertEquals("sid=" + Fakes.TOKEN + "; Path=/; Max-Age=1800; HttpOnly; SameSite=Strict; Secure",
                    response.headers().firstValue("Set-Cookie").orElseThrow());
        }
    }

    @Test
    void unknownLoginAndWrongPasswordGetTheSameAnswer() {
        HttpResponse<String> unknown = login("{\"login\":\"nobody\",\"password\":\"s3cret-pass\"}");
        HttpResponse<String> wrong = login("{\"login\":\"agent1\",\"password\":\"wrong\"}");

        assertProblem(unknown, 401, "login-rejected");
        assertEquals(unknown.body(), wrong.body());
        assertEquals(unknown.statusCode(), wrong.statusCode());
        assertTrue(unknown.headers().firstValue("Set-Cookie").isEmpty());
        assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not json",
            "[]",
            "null",
            "\"agent1\"",
            "{}",
            "{\"login\":\"agent1\"}",
            "{\"password\":\"s3cret-pass\"}",
            "{\"login\":\"\",\"password\":\"s3cret-pass\"}",
            "{\"login\":\"agent1\",\"password\":\"\"}",
            "{\"login\":\"agent 1\",\"password\":\"s3cret-pass\"}",
            "{\"login\":1,\"password\":\"s3cret-pass\"}",
            "{\"login\":\"agent1\",\"password\":12345678}",
            "{\"login\":\"agent1\",\"password\":null}",
            "{\"login\":[\"agent1\"],\"password\":\"s3cret-pass\"}",
            "{\"login\":\"agent1\",\"password\":\"s3cret-pass\",\"admin\":true}",
            "{\"login\":\"agent1\",\"login\":\"agent2\",\"password\":\"s3cret-pass\"}",
            "{\"login\":\"agent1\",\"password\":\"s3cret-pass\"} {}",
            "{\"login\":\"agent1\",\"password\":\"s3cret-pass\"",
            "{\"login\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"password\":\"x\"}",
            "{\"login\":\"agent1\",\"password\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}",
            "{\"login\":\"agent1\",\"password\":\"ééééééééééééééééééééééééééééééééééééé\"}",
    })
    void malformedLoginBodiesAre400AndNeverReachTheCore(String body) {
        HttpResponse<String> response = login(body);

        JsonNode problem = assertProblem(response, 400, "bad-request");
        assertTrue(server.auth.calls.isEmpty(), "the use case was called for " + body);
        assertTrue(!problem.path("detail").asText().contains("s3cret"), "details never repeat the password");
    }

    @Test
    void passwordOfExactly72BytesIsAccepted() {
        String password = "a".repeat(72);
        server.auth.passwords.put("agent1", password);

        assertEquals(200, login("{\"login\":\"agent1\",\"password\":\"" + password + "\"}").statusCode());
    }

    @Test
    void nonJsonContentTypeIs415() {
        HttpResponse<String> response = server.send(server.request("/api/v1/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(json("login=agent1&password=s3cret-pass")));

        assertProblem(response, 415, "unsupported-media-type");
        assertTrue(server.auth.calls.isEmpty());
    }

    @Test
    void jsonWithCharsetIsFine() {
        HttpResponse<String> response = server.send(server.request("/api/v1/login")
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(json("{\"login\":\"agent1\",\"password\":\"s3cret-pass\"}")));

        assertEquals(200, response.statusCode());
    }

    @Test
    void aBodyWithoutContentTypeIsRefusedSoCrossSiteFormsCannotPost() {
        HttpResponse<String> response = server.send(server.request("/api/v1/login")
                .POST(json("{\"login\":\"agent1\",\"password\":\"s3cret-pass\"}")));
        assertEquals(415, response.statusCode(), response.body());
        assertTrue(server.auth.calls.isEmpty(), "the use case must not be called");
    }

    @Test
    void tooManyConcurrentLoginsGet503WithRetryAfter() {
        server.auth.busy = true;
        HttpResponse<String> response = login("{\"login\":\"agent1\",\"password\":\"s3cret-pass\"}");
        assertProblem(response, 503, "login-busy");
        assertTrue(response.headers().firstValue("Retry-After").isPresent());
        assertTrue(response.headers().firstValue("Set-Cookie").isEmpty());
    }
}
