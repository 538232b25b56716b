package io.ctimw.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpResponseReaderTest {
    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void readsBackToBackResponsesOnOneConnection() throws Exception {
        InputStream in = stream("HTTP/1.1 200 OK\r\nContent-Length: 15\r\n\r\n{\"status\":\"UP\"}"
                + "HTTP/1.1 204 No Content\r\nCache-Control: no-store\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"
                + "HTTP/1.1 401 Unauthorized\r\ncontent-length: 2\r\n\r\n{}");
        assertEquals(200, HttpResponseReader.readResponse(in));
        assertEquals(204, HttpResponseReader.readResponse(in));
        assertEquals(200, HttpResponseReader.readResponse(in));
        assertEquals(401, HttpResponseReader.readResponse(in));
        assertEquals(-1, in.read());
    }

    @Test
    void aConnectionClosedMidResponseIsAnError() {
        assertThrows(EOFException.class, () -> HttpResponseReader.readResponse(stream("HTTP/1.1 200 OK\r\nContent-Le")));
        assertThrows(EOFException.class,
                () -> HttpResponseReader.readResponse(stream("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nabc")));
    }
}
