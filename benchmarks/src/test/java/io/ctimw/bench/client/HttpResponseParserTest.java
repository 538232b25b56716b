package io.ctimw.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpResponseParserTest {
    private static final String JSON = "[{\"_cursor\":7,\"params\":{\"simSeq\":3,\"simSentAtMicros\":12}}]";
    private static final String LENGTH = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Cursor: 7\r\n"
            + "Content-Length: " + JSON.length() + "\r\n\r\n" + JSON;
    private static final String CHUNKED = "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\nx-cursor: 42\r\n\r\n"
            + "5\r\n[{\"a\"\r\n" + "a;ext=1\r\n:1},{\"b\":2\r\n" + "2\r\n}]\r\n" + "0\r\n\r\n";
    private static final String NO_CONTENT = "HTTP/1.1 204 No Content\r\nCache-Control: no-store\r\n\r\n";
    private static final String UNAUTHORIZED = "HTTP/1.1 401 Unauthorized\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";

    private final HttpResponseParser parser = new HttpResponseParser();
    private final List<PollAnswer> out = new ArrayList<>();

    private void feed(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        parser.feed(ByteBuffer.wrap(bytes), out::add);
    }

    @Test
    void contentLengthBody() {
        feed(LENGTH);
        assertEquals(List.of(new PollAnswer(200, 7, JSON, false)), out);
        assertFalse(parser.midResponse());
    }

    @Test
    void chunkedBodyWithExtensionAndLowerCaseHeaders() {
        feed(CHUNKED);
        assertEquals(List.of(new PollAnswer(200, 42, "[{\"a\":1},{\"b\":2}]", false)), out);
    }

    @Test
    void noContentHasNoBodyAndNoCursor() {
        feed(NO_CONTENT);
        assertEquals(List.of(new PollAnswer(204, -1, "", false)), out);
    }

    @Test
    void errorStatusWithConnectionClose() {
        feed(UNAUTHORIZED);
        assertEquals(List.of(new PollAnswer(401, -1, "{}", true)), out);
    }

    @Test
    void everySplitOfEveryResponseGivesTheSameAnswer() {
        String all = LENGTH + CHUNKED + NO_CONTENT + UNAUTHORIZED;
        List<PollAnswer> whole = new ArrayList<>();
        new HttpResponseParser().feed(ByteBuffer.wrap(all.getBytes(StandardCharsets.ISO_8859_1)), whole::add);
        assertEquals(4, whole.size());
        byte[] bytes = all.getBytes(StandardCharsets.ISO_8859_1);
        for (int cut1 = 0; cut1 <= bytes.length; cut1 += 3) {
            for (int cut2 = cut1; cut2 <= bytes.length; cut2 += 17) {
                HttpResponseParser p = new HttpResponseParser();
                List<PollAnswer> got = new ArrayList<>();
                p.feed(bytes, 0, cut1, got::add);
                p.feed(bytes, cut1, cut2 - cut1, got::add);
                p.feed(bytes, cut2, bytes.length - cut2, got::add);
                assertEquals(whole, got, "cuts at " + cut1 + " and " + cut2);
            }
        }
    }

    @Test
    void byteByByte() {
        byte[] bytes = (CHUNKED + LENGTH).getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < bytes.length; i++) {
            int before = out.size();
            parser.feed(bytes, i, 1, out::add);
            assertEquals(out.size() == before, parser.midResponse(), "after byte " + i);
        }
        assertEquals(2, out.size());
        assertEquals(JSON, out.get(1).body());
    }

    @Test
    void twoResponsesInOneRead() {
        feed(NO_CONTENT + LENGTH);
        assertEquals(List.of(new PollAnswer(204, -1, "", false), new PollAnswer(200, 7, JSON, false)), out);
    }

    @Test
    void partialHeadWaitsForMore() {
        feed("HTTP/1.1 200 OK\r\nContent-Le");
        assertTrue(out.isEmpty());
        assertTrue(parser.midResponse());
        feed("ngth: 3\r\n\r\nab");
        assertTrue(out.isEmpty());
        feed("c");
        assertEquals(List.of(new PollAnswer(200, -1, "abc", false)), out);
    }

    @Test
    void largeBodyGrowsTheBuffers() {
        String big = "x".repeat(200_000);
        feed("HTTP/1.1 200 OK\r\nContent-Length: " + big.length() + "\r\n\r\n" + big.substring(0, 70_000));
        feed(big.substring(70_000));
        assertEquals(big, out.get(0).body());
    }

    @Test
    void garbageIsAnError() {
        assertThrows(IllegalStateException.class, () -> feed("SSH-2.0-OpenSSH\r\n\r\n"));
        assertThrows(IllegalStateException.class,
                () -> new HttpResponseParser().feed(ByteBuffer.wrap("HTTP/1.1 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII)), a -> { }));
    }
}
