package io.ctimw.adapters.http;

import static io.ctimw.adapters.http.TestServer.assertProblem;
import static io.ctimw.adapters.http.TestServer.body;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctimw.core.model.ControlRequest;
import io.ctimw.core.model.ControlResult;
import io.ctimw.core.port.out.StoreUnavailableException;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ControlTest {
    private final TestServer server = new TestServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private void answer(ControlResult result) {
        server.control.next = () -> CompletableFuture.completedFuture(result);
    }

    private HttpResponse<String> control(String body) {
        return server.postJson("/api/v1/control", body);
    }

    @Test
    void fieldsReachTheCoreAsPlainJavaValuesAndTheSessionDecidesTheLogin() {
        HttpResponse<String> response = control("{\"name\":\"Answer\",\"cid\":2,\"big\":12345678901,"
                + "\"huge\":123456789012345678901234567890,\"f\":1.5,\"b\":true,\"s\":\"x\",\"nil\":null,"
                + "\"list\":[1,\"a\"],\"obj\":{\"k\":\"v\"},\"login\":\"someone-else\"}");

        assertEquals(200, response.statusCode());
        JsonNode body = body(response);
        assertEquals("Ok", body.path("name").asText());
        assertEquals("Answer", body.path("command").asText());
        ControlRequest request = server.control.requests.get(0);
        assertEquals("Answer", request.name());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("cid", 2);
        expected.put("big", 12345678901L);
        expected.put("huge", new BigInteger("123456789012345678901234567890"));
        expected.put("f", 1.5d);
        expected.put("b", true);
        expected.put("s", "x");
        expected.put("nil", null);
        expected.put("list", List.of(1, "a"));
        expected.put("obj", Map.of("k", "v"));
        expected.put("login", "someone-else");
        assertEquals(expected, request.fields());
        assertEquals(Fakes.SESSION, server.control.sessions.get(0), "who acts is the session, never the body");
    }

    @Test
    void dataReplyIsTheCtiObjectWithoutRid() {
        answer(new ControlResult.DataReply("Calls",
                "{\"name\":\"Calls\",\"rid\":17,\"calls\":[{\"cid\":2,\"state\":\"Connected\"}],\"rate\":1.10}"));

        HttpResponse<String> response = control("{\"name\":\"GetCalls\"}");

        assertEquals(200, response.statusCode());
        assertEquals("{\"name\":\"Calls\",\"calls\":[{\"cid\":2,\"state\":\"Connected\"}],\"rate\":1.10}", response.body());
    }

    @Test
    void invalidIs400WithTheCoresText() {
        answer(new ControlResult.Invalid("unknown command 'Fly'"));

        JsonNode problem = assertProblem(control("{\"name\":\"Fly\"}"), 400, "invalid-command");
        assertEquals("unknown command 'Fly'", problem.path("detail").asText());
    }

    @Test
    void unknownCallIs404() {
        answer(new ControlResult.UnknownCall("99"));

        assertProblem(control("{\"name\":\"Hangup\",\"cid\":99}"), 404, "unknown-call");
    }

    @Test
    void ctiRejectionIs422WithTheCtiDescription() {
        answer(new ControlResult.CtiRejected("Call is not in a state to be answered"));

        JsonNode problem = assertProblem(control("{\"name\":\"Answer\",\"cid\":2}"), 422, "cti-rejected");
        assertEquals("Call is not in a state to be answered", problem.path("detail").asText());
        assertEquals("Call is not in a state to be answered", problem.path("ctiDescription").asText());
    }

    @Test
    void ctiParseErrorIs502() {
        answer(new ControlResult.CtiParseError("bad json"));

        assertProblem(control("{\"name\":\"Answer\",\"cid\":2}"), 502, "cti-parse-error");
    }

    @Test
    void unavailableIs503WithRetryAfter() {
        answer(new ControlResult.Unavailable("CTI link down"));

        HttpResponse<String> response = control("{\"name\":\"Answer\",\"cid\":2}");

        assertProblem(response, 503, "cti-unavailable");
        assertEquals("5", response.headers().firstValue("Retry-After").orElseThrow());
    }

    @Test
    void timedOutIs504() {
        answer(new ControlResult.TimedOut());

        assertProblem(control("{\"name\":\"Answer\",\"cid\":2}"), 504, "cti-timeout");
    }

    @Test
    void aResultArrivingLaterIsStillAnswered() throws Exception {
        CompletableFuture<ControlResult> later = new CompletableFuture<>();
        server.control.next = () -> later;

        CompletableFuture<HttpResponse<String>> response = server.sendAsync(server.authed("/api/v1/control")
                .header("Content-Type", "application/json").POST(TestServer.json("{\"name\":\"Answer\",\"cid\":2}")));
        await().atMost(Duration.ofSeconds(10)).until(() -> !server.control.requests.isEmpty());
        later.complete(new ControlResult.CtiRejected("busy"));

        assertProblem(response.get(10, TimeUnit.SECONDS), 422, "cti-rejected");
    }

    @Test
    void storeOutageIs503WhetherThrownOrAsAFailedFuture() {
        StoreUnavailableException outage = new StoreUnavailableException("db down", new SQLException("refused"));
        server.control.next = () -> {
            throw outage;
        };
        HttpResponse<String> thrown = control("{\"name\":\"Answer\",\"cid\":2}");
        server.control.next = () -> CompletableFuture.failedFuture(outage);
        HttpResponse<String> failed = control("{\"name\":\"Answer\",\"cid\":2}");

        for (HttpResponse<String> response : Arrays.asList(thrown, failed)) {
            assertProblem(response, 503, "store-unavailable");
            assertEquals("5", response.headers().firstValue("Retry-After").orElseThrow());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nope", "[]", "[{\"name\":\"Answer\"}]", "\"Answer\"", "null", "{}",
            "{\"cid\":2}", "{\"name\":2}", "{\"name\":null}", "{\"name\":[\"Answer\"]}",
            "{\"name\":\"Answer\",\"name\":\"Hangup\"}", "{\"name\":\"Answer\",\"cid\":2,\"cid\":3}",
            "{\"name\":\"Answer\",\"o\":{\"k\":1,\"k\":2}}", "{\"name\":\"Answer\"}]"})
    void malformedBodiesAre400BeforeTheCore(String body) {
        assertProblem(control(body), 400, "bad-request");
        assertTrue(server.control.requests.isEmpty(), "the core saw " + body);
    }
}
