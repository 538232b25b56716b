package io.ctimw.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class HandshakeTest extends SimulatorTestBase {

    @Test
    void handshakeWithoutSubprotocolFails() {
        CompletionException e = assertThrows(CompletionException.class, () -> TestClient.connectWith(sim.url()));
        assertTrue(e.getCause() instanceof WebSocketHandshakeException, () -> "cause: " + e.getCause());
        assertEquals(0, sim.connectionCount());
    }

    @Test
    void handshakeWithAnotherSubprotocolFails() {
        assertThrows(CompletionException.class, () -> TestClient.connectWith(sim.url(), "chat"));
    }

    @Test
    void handshakeWithTheSubprotocolSucceedsOnAnyPath() {
        String otherPath = sim.url().replace("/ws", "/some/other/path");
        try (TestClient client = TestClient.connect(otherPath)) {
            assertEquals(CtiWebSocketServer.SUBPROTOCOL, client.subprotocol());
            assertEquals(1, sim.connectionCount());
        }
    }

    @Test
    void bindsLoopbackOnARandomPort() {
        assertTrue(sim.port() > 0);
        assertEquals("ws://127.0.0.1:" + sim.port() + "/ws", sim.url());
    }
}
