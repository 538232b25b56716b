package io.ctimw.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadEventScannerTest {
    private static final String LOAD_A = "{\"_cursor\":41,\"_receivedAt\":\"2026-11-21T09:15:30.000123Z\","
            + "\"name\":\"CallStatus\",\"login\":\"agent00001\",\"cid\":\"7\",\"params\":{\"sessionId\":\"load-agent00001\","
            + "\"simSeq\":17,\"simSentAtMicros\":1795252530000100}}";
    private static final String USER_STATE = "{\"_cursor\":42,\"_receivedAt\":\"2026-11-21T09:15:31Z\","
            + "\"name\":\"UserState\",\"state\":\"normal\"}";
    private static final String LOAD_B = "{\"_cursor\":43,\"_receivedAt\":\"2026-11-21T09:15:31.5Z\","
            + "\"name\":\"CallStatus\",\"params\":{\"simSeq\": 18, \"simSentAtMicros\": 1795252531400000}}";

    private record Seen(long seq, long sent, long received) {
    }

    private static List<Seen> scan(String body) {
        List<Seen> seen = new ArrayList<>();
        int n = LoadEventScanner.scan(body, (seq, sent, received) -> seen.add(new Seen(seq, sent, received)));
        assertEquals(seen.size(), n);
        return seen;
    }

    @Test
    void findsEveryLoadEventAndSkipsTheOthers() {
        List<Seen> seen = scan("[" + LOAD_A + "," + USER_STATE + "," + LOAD_B + "]");
        assertEquals(List.of(new Seen(17, 1795252530000100L, 1795252530000123L),
                new Seen(18, 1795252531400000L, 1795252531500000L)), seen);
    }

    @Test
    void aBodyWithoutLoadEventsYieldsNothing() {
        assertEquals(List.of(), scan("[" + USER_STATE + "]"));
        assertEquals(List.of(), scan(""));
    }

    @Test
    void aSeqWhoseTimestampBelongsToAnotherElementIsSkipped() {
        String broken = "{\"_cursor\":1,\"params\":{\"simSeq\":5}}";
        assertEquals(List.of(new Seen(18, 1795252531400000L, 1795252531500000L)),
                scan("[" + broken + "," + LOAD_B + "]"));
    }

    @Test
    void readsNumbers() {
        assertEquals(123, LoadEventScanner.number("x:123,", 2));
        assertEquals(-1, LoadEventScanner.number("x:\"a\"", 2));
    }
}
