package io.ctimw.adapters.http;

import static io.ctimw.adapters.http.TestServer.assertProblem;
import static io.ctimw.adapters.http.TestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Input is taken exactly as sent or refused: no silently replaced characters, no alternative methods or charsets. */
class StrictInputTest {
    private final TestServer server = new TestServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> control(byte[] body) {
        return server.send(server.authed("/api/v1/control").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpResponse<String> login(byte[] body, String contentType) {
        return server.send(server.request("/api/v1/login").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"name\":\"SetParam\",\"cid\":2,\"paramName\":\"x\",\"paramValue\":\"\\ud800\"}",
            "{\"name\":\"SetParam\",\"cid\":2,\"paramName\":\"\\udc00x\",\"paramValue\":\"v\"}",
            "{\"name\":\"Hangup\",\"cid\":2,\"reason\":\"a\\ud83d\"}",
            "{\"name\":\"Hangup\",\"cid\":2,\"deep\":[{\"\\ud800\":1}]}",
    })
    void loneSurrogatesAreRefusedNotReplaced(String body) {
        assertProblem(control(ascii(body)), 400, "bad-request");
        assertTrue(server.control.requests.isEmpty(), "nothing reaches the core");
    }

    @Test
    void aLoneSurrogateInALoginIsRefused() {
        assertProblem(login(ascii("{\"login\":\"agent1\",\"password\":\"pass\\ud800word\"}"), "application/json"),
                400, "bad-request");
        assertTrue(server.auth.calls.isEmpty());
    }

    @Test
    void invalidUtf8IsRefused() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(ascii("{\"name\":\"Hangup\",\"cid\":2,\"reason\":\"caf"));
        body.write(0xC3); // a lead byte without its continuation
        body.writeBytes(ascii("\"}"));

        assertProblem(control(body.toByteArray()), 400, "bad-request");
        assertTrue(server.control.requests.isEmpty());
    }

    @Test
    void utf16BodiesAreRefused() {
        byte[] utf16 = "{\"name\":\"Hangup\",\"cid\":2}".getBytes(StandardCharsets.UTF_16LE);
        assertProblem(control(utf16), 400, "bad-request");
        assertTrue(server.control.requests.isEmpty());
    }

    @Test
    void surrogatePairsAndOtherUnicodeArriveIntact() {
        HttpResponse<String> response = control("{\"name\":\"Hangup\",\"cid\":2,\"reason\":\"\\ud83d\\ude00 ☎ é\"}"
                .getBytes(StandardCharsets.UTF_8));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("\uD83D\uDE00 ☎ é", server.control.requests.get(0).fields().get("reason"));
    }

    @Test
    void methodOverrideHeadersAreIgnored() {
        HttpResponse<String> response = server.send(server.authed("/api/v1/control")
                .header("Content-Type", "application/json").header("X-HTTP-Method-Override", "GET")
                .POST(json("{\"name\":\"Answer\",\"cid\":2}")));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(1, server.control.requests.size());

        HttpResponse<String> logout = server.send(server.authed("/api/v1/session")
                .header("X-HTTP-Method-Override", "POST"));
        assertEquals(200, logout.statusCode(), "GET stays GET: " + logout.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=latin1", "application/json; charset=ISO-8859-1",
            "application/json;charset=utf-16", "application/json; charset=\"windows-1251\""})
    void charsetsOtherThanUtf8Are415(String contentType) {
        assertProblem(login(ascii("{\"login\":\"agent1\",\"password\":\"s3cret-pass\"}"), contentType),
                415, "unsupported-media-type");
        assertTrue(server.auth.calls.isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON;Charset=\"UTF-8\""})
    void utf8CharsetsAreAccepted(String contentType) {
        assertEquals(200, login(ascii("{\"login\":\"agent1\",\"password\":\"s3cret-pass\"}"), contentType).statusCode());
    }
}
