package io.ctimw.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The pieces that need no server. */
class UnitsTest {
    private static StoredEvent event(long cursor, String json) {
        return new StoredEvent(cursor, new Login("a"), "X", json, Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void anEmptyBatchIsAnEmptyArray() {
        assertEquals("[]", new String(EventsJson.array(List.of()), StandardCharsets.UTF_8));
    }

    @Test
    void splicingKeepsUnicodeAndEscapesAsSent() {
        String json = "{\"text\":\"Привет \\u00e9 \\\"q\\\"\",\"n\":-0.0e1}\n";
        assertEquals("[{\"_cursor\":1,\"_receivedAt\":\"2026-01-01T00:00:00Z\",\"text\":\"Привет \\u00e9 \\\"q\\\"\",\"n\":-0.0e1}\n]",
                new String(EventsJson.array(List.of(event(1, json))), StandardCharsets.UTF_8));
    }

    @Test
    void aStoredNonObjectIsABugNotAStreamCorruption() {
        assertThrows(IllegalStateException.class, () -> EventsJson.array(List.of(event(1, "[1,2]"))));
    }

    @Test
    void aFutureThatNeverCompletesFailsAtTheBackstop() {
        AsyncResults async = new AsyncResults(Runnable::run, Duration.ofMillis(50));
        CompletableFuture<String> never = new CompletableFuture<>();

        CompletableFuture<Void> answered = async.respond(never, value -> { });

        ExecutionException failure = assertThrows(ExecutionException.class, () -> answered.get(5, TimeUnit.SECONDS));
        assertInstanceOf(TimeoutException.class, failure.getCause());
        assertEquals(false, never.isDone(), "the core's own future is left alone");
    }

    @Test
    void settingsRefuseTimeoutsThatWouldCutALongPoll() {
        HttpSettings d = HttpSettings.defaults();
        assertThrows(IllegalArgumentException.class, () -> new HttpSettings(d.host(), d.port(), d.maxBodyBytes(),
                d.cookieName(), false, d.sessionMaxAge(), 100, 5, 200, Duration.ofSeconds(60), Duration.ofSeconds(120), d.limits(), d.streams()));
        assertThrows(IllegalArgumentException.class, () -> new HttpSettings(d.host(), d.port(), d.maxBodyBytes(),
                d.cookieName(), false, d.sessionMaxAge(), 100, 5, 200, Duration.ofSeconds(90), Duration.ofSeconds(90), d.limits(), d.streams()));
        assertThrows(IllegalArgumentException.class, () -> d.withCookie("bad name;", false, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> d.withMaxBodyBytes(0));
    }

    @Test
    void aBodysDeadlineGrowsWithItsLengthUpToTheTimeout() {
        EdgeLimits limits = new EdgeLimits(Duration.ofSeconds(10), 1000, 10, 10, 10, 4, 2);

        assertEquals(Duration.ofMillis(2000), limits.bodyDeadline(1000));
        assertEquals(Duration.ofMillis(1000), limits.bodyDeadline(0));
        assertEquals(Duration.ofSeconds(10), limits.bodyDeadline(64 * 1024));
        assertEquals(Duration.ofSeconds(10), limits.bodyDeadline(-1), "unknown length (chunked): the timeout");
    }

    @Test
    void aGateKeepsToItsTotalAndToEachAddressShare() {
        Gate gate = new Gate(3, 2);

        assertEquals(Gate.Verdict.ADMITTED, gate.tryEnter("a"));
        assertEquals(Gate.Verdict.ADMITTED, gate.tryEnter("a"));
        assertEquals(Gate.Verdict.ADDRESS_FULL, gate.tryEnter("a"));
        assertEquals(Gate.Verdict.ADMITTED, gate.tryEnter("b"));
        assertEquals(Gate.Verdict.FULL, gate.tryEnter("c"));
        assertEquals(false, gate.wouldAdmit("c"));
        gate.leave("a");
        assertEquals(true, gate.wouldAdmit("c"));
        assertEquals(Gate.Verdict.ADMITTED, gate.tryEnter("c"));
        assertEquals(3, gate.inUse());
    }
}
