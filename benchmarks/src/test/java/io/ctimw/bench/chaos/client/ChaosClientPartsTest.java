package io.ctimw.bench.chaos.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChaosClientPartsTest {
    @Test
    void readsTheStatusOfTheFirstLineAndCallsAnythingElseClosed() throws IOException {
        assertEquals(505, RawExchange.status(in("HTTP/1.1 505 HTTP Version Not Supported\r\n")));
        assertEquals(400, RawExchange.status(in("HTTP/1.0 400 Bad Request\r\n\r\n")));
        assertEquals(RawExchange.CLOSED, RawExchange.status(in("HTTP/1.1 2")));
        assertEquals(RawExchange.CLOSED, RawExchange.status(in("SSH-2.0-OpenSSH_9\r\n")));
        assertEquals(RawExchange.CLOSED, RawExchange.status(in("HTTP/1.1 abc Nope\r\n")));
    }

    @Test
    void countsServerErrorsExceptTheAllowedOnes() {
        StatusCounts counts = new StatusCounts();
        for (int status : new int[] {400, 400, 500, 505, 503, RawExchange.TIMED_OUT}) {
            counts.add(status);
        }
        assertEquals(6, counts.total());
        assertEquals(2, counts.get(400));
        assertEquals(2, counts.serverErrors(505));
        assertEquals(1, counts.serverErrors(505, 503));
        assertEquals("no answer in time: 1, 400: 2, 500: 1, 503: 1, 505: 1", counts.describe());
    }

    private static ByteArrayInputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
