package io.ctimw.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stream fleet's parsing: the HTTP/1.0 head, then messages however the bytes are cut. */
class StreamConnectionTest {
    private static final String BODY = "HTTP/1.0 200 OK\r\nContent-Type: text/event-stream\r\n\r\n"
            + "id: 41\ndata: {\"_cursor\":41,\"name\":\"Ж\"}\n\n: hb\n\nid: 42\ndata: {\"_cursor\":42}\n\n"
            + "event: end\ndata: {\"reason\":\"slow-consumer\"}\n\n";

    @Test
    void messagesCutAnywhereArriveWholeAndMoveTheCursor() {
        byte[] bytes = BODY.getBytes(StandardCharsets.UTF_8);
        for (int cut = 1; cut < bytes.length; cut += 7) {
            StreamConnection c = new StreamConnection(new Agent("agent1", "t"));
            List<String> messages = new ArrayList<>();
            List<Integer> statuses = new ArrayList<>();
            for (int from = 0; from < bytes.length; from += cut) {
                c.feed(ByteBuffer.wrap(bytes, from, Math.min(cut, bytes.length - from)), messages::add,
                        (conn, status) -> statuses.add(status));
            }
            assertEquals(List.of(200), statuses);
            assertEquals(4, messages.size(), messages::toString);
            assertEquals("id: 41\ndata: {\"_cursor\":41,\"name\":\"Ж\"}", messages.get(0));
            assertEquals(42, c.after);
            assertTrue(c.ended);
        }
    }

    @Test
    void theNextRequestResumesAfterTheLastId() {
        StreamConnection c = new StreamConnection(new Agent("agent1", "tok"));
        String first = StandardCharsets.US_ASCII.decode(c.request("h:1")).toString();
        assertTrue(first.startsWith("GET /api/v1/events/stream HTTP/1.0\r\n"), first);
        c.after = 42;
        String next = StandardCharsets.US_ASCII.decode(c.request("h:1")).toString();
        assertTrue(next.startsWith("GET /api/v1/events/stream?after=42 HTTP/1.0\r\n"), next);
        assertTrue(next.contains("Authorization: Bearer tok\r\n"), next);
    }
}
