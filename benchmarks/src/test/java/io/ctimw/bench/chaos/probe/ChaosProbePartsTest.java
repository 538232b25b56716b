package io.ctimw.bench.chaos.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChaosProbePartsTest {
    @Test
    void theSameSeedGivesTheSameRequestsAndEveryKindComesUp() {
        MalformedRequests a = new MalformedRequests(7, "tok");
        MalformedRequests b = new MalformedRequests(7, "tok");
        Set<String> kinds = new HashSet<>();
        for (int i = 0; i < 70; i++) {
            kinds.add(a.nextKind());
            b.nextKind();
            assertArrayEquals(a.next(), b.next(), "request " + i);
        }
        assertEquals(Set.copyOf(MalformedRequests.KINDS), kinds);
        assertNotEquals(new String(new MalformedRequests(8, "tok").next(), StandardCharsets.ISO_8859_1),
                new String(new MalformedRequests(7, "tok").next(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void neverLogsTheFuzzerOut() {
        MalformedRequests generator = new MalformedRequests(1, "tok");
        for (int i = 0; i < 1400; i++) {
            String request = new String(generator.next(), StandardCharsets.ISO_8859_1);
            assertTrue(!request.contains("/logout"), () -> "would end the fuzzer's session: " + request);
        }
    }

    @Test
    void flipChangesExactlyOneCharacter() {
        String token = "abcDEF012";
        for (int at = 0; at < token.length(); at++) {
            String flipped = AuthAttempts.flip(token, at);
            assertEquals(token.length(), flipped.length());
            int differences = 0;
            for (int i = 0; i < token.length(); i++) {
                differences += token.charAt(i) == flipped.charAt(i) ? 0 : 1;
            }
            assertEquals(1, differences, flipped);
        }
    }

    @Test
    void everyAttemptAgainstTheOtherAgentsCallsMustBeRefused() {
        List<AuthAttempts.Attempt> attempts = AuthAttempts.all("tokA", "tokB", "tokGone", 1001, "cb-1001", "agent-b",
                "agent-a", "pw", 1002L);
        assertTrue(attempts.stream().filter(a -> a.group().equals("other agent's cid"))
                .allMatch(a -> a.leak() == AuthAttempts.Leak.ANY_SUCCESS && a.bearer().equals("tokA")));
        assertTrue(attempts.stream().noneMatch(a -> "tokB".equals(a.bearer()) && a.cookie() == null),
                "B's own valid token is never used alone: that would be B, not a leak");
    }

    @Test
    void readsTheHeapAfterTheNewestGcPause(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("gc.log");
        Files.writeString(log, """
                [0.010s][info][gc] Using G1
                [1.234s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->5M(256M) 3.456ms
                [9.000s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 120M->41M(512M) 5.001ms
                [9.500s][info][gc] GC(2) Concurrent Mark Cycle 12.0ms
                """);
        assertEquals(41, SoakProbe.lastHeapAfterGc(log));
        assertEquals(-1, SoakProbe.lastHeapAfterGc(dir.resolve("missing.log")));
    }
}
