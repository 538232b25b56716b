package io.ctimw.adapters.http;

import static io.ctimw.adapters.http.TestServer.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ctimw.core.model.AgentState;
import io.ctimw.core.port.in.AccessDeniedException;
import io.ctimw.core.port.out.StoreUnavailableException;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/state} over HTTP: the body's shape, the session it asks for, and its problems. */
class StateApiTest {
    private final TestServer server = new TestServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theStateIsTheCoresJsonSplicedWithItsCursor() {
        server.state.next = () -> new AgentState(43, "{\"state\":\"normal\",\"time\":1}",
                List.of("{\"cid\":2,\"state\":\"new\"}", "{\"cid\":\"x7\",\"hold\":true}"), false);

        HttpResponse<String> response = server.get("/api/v1/state");

        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("43", response.headers().firstValue("X-Cursor").orElseThrow());
        assertEquals("{\"cursor\":43,\"userState\":{\"state\":\"normal\",\"time\":1},"
                + "\"calls\":[{\"cid\":2,\"state\":\"new\"},{\"cid\":\"x7\",\"hold\":true}],\"phone\":\"unavailable\"}",
                response.body());
        assertEquals(List.of(Fakes.SESSION), server.state.sessions, "asked for the caller's own session");
    }

    @Test
    void aLoginWithNothingYetIsCursorZeroNoUserStateNoCalls() {
        HttpResponse<String> response = server.get("/api/v1/state");

        assertEquals("{\"cursor\":0,\"userState\":null,\"calls\":[],\"phone\":\"available\"}", response.body());
    }

    @Test
    void withoutTheEventsGrantItIs403AndWithoutTheDatabase503() {
        server.state.next = () -> {
            throw new AccessDeniedException("grant events");
        };
        assertProblem(server.get("/api/v1/state"), 403, "forbidden");
        server.state.next = () -> {
            throw new StoreUnavailableException("database down", null);
        };
        HttpResponse<String> down = server.get("/api/v1/state");
        assertProblem(down, 503, "store-unavailable");
        assertEquals(true, down.headers().firstValue("Retry-After").isPresent());
    }
}
