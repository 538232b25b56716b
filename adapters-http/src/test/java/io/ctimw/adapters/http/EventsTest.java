package io.ctimw.adapters.http;

import static io.ctimw.adapters.http.TestServer.assertProblem;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.EventQuery;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.StoredEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventsTest {
    private static final Instant AT = Instant.parse("2026-11-21T09:15:30.123Z");

    private final TestServer server = new TestServer();

    @AfterEach
    void stop() {
        server.close();
    }

    static StoredEvent event(long cursor, String json) {
        return new StoredEvent(cursor, new Login("agent1"), "CallState", json, AT);
    }

    @Test
    void eventsAreTheRawCtiJsonWithCursorAndTimeSplicedInFront() {
        server.events.next = () -> CompletableFuture.completedFuture(List.of(
                event(41, "{\"name\":\"CallState\",\"cid\":2,\"state\":\"Ringing\",\"x\":1.50,\"n\":null}"),
                event(42, "  {  \"name\":\"UserState\" , \"cid\":\"7\"}"),
                event(43, "{}")));

        HttpResponse<String> response = server.get("/api/v1/events?after=40");

        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("43", response.headers().firstValue("X-Cursor").orElseThrow());
        assertEquals("["
                + "{\"_cursor\":41,\"_receivedAt\":\"2026-11-21T09:15:30.123Z\",\"name\":\"CallState\",\"cid\":2,\"state\":\"Ringing\",\"x\":1.50,\"n\":null},"
                + "{\"_cursor\":42,\"_receivedAt\":\"2026-11-21T09:15:30.123Z\",  \"name\":\"UserState\" , \"cid\":\"7\"},"
                + "{\"_cursor\":43,\"_receivedAt\":\"2026-11-21T09:15:30.123Z\"}"
                + "]", response.body());
        assertTrue(TestServer.body(response).get(0).path("cid").isInt(), "a numeric cid stays a number");
        assertEquals(Fakes.SESSION, server.events.sessions.get(0));
        assertEquals(new EventQuery(OptionalLong.of(40), 100, Duration.ZERO), server.events.queries.get(0));
    }

    @Test
    void noEventsIs204() {
        HttpResponse<String> response = server.get("/api/v1/events");

        assertEquals(204, response.statusCode());
        assertEquals("", response.body());
        assertEquals(new EventQuery(OptionalLong.empty(), 100, Duration.ZERO), server.events.queries.get(0));
    }

    @Test
    void queryParametersReachTheCore() {
        server.get("/api/v1/events?after=0&wait=60&limit=1000");
        server.get("/api/v1/events?limit=1&wait=0&after=9223372036854775807");

        assertEquals(new EventQuery(OptionalLong.of(0), 1000, Duration.ofSeconds(60)), server.events.queries.get(0));
        assertEquals(new EventQuery(OptionalLong.of(Long.MAX_VALUE), 1, Duration.ZERO), server.events.queries.get(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"after=-1", "after=abc", "after=", "after=1.5", "after=+1", "after=9223372036854775808",
            "after=1&after=2", "wait=61", "wait=-1", "wait=1s", "wait=", "limit=0", "limit=1001", "limit=ten",
            "limit=1&limit=2", "since=3", "after=1&foo=bar", "after", "after=%201"})
    void badQueriesAre400AndNeverReachTheCore(String query) {
        assertProblem(server.get("/api/v1/events?" + query), 400, "bad-request");
        assertTrue(server.events.queries.isEmpty());
    }

    @Test
    void aLongPollIsAnsweredWhenTheFutureCompletesLater() throws Exception {
        CompletableFuture<List<StoredEvent>> later = new CompletableFuture<>();
        server.events.next = () -> later;

        CompletableFuture<HttpResponse<String>> response = server.sendAsync(server.authed("/api/v1/events?wait=30"));
        awaitPolls(1);
        assertTrue(!response.isDone(), "the poll is parked on the core's future, not answered");
        later.complete(List.of(event(5, "{\"name\":\"CallState\"}")));

        HttpResponse<String> done = response.get(10, TimeUnit.SECONDS);
        assertEquals(200, done.statusCode());
        assertEquals("5", done.headers().firstValue("X-Cursor").orElseThrow());
    }

    @Test
    void waitingPollsHoldNoServerThread() throws Exception {
        try (TestServer tiny = new TestServer(s -> s.withMaxThreads(8))) {
            List<CompletableFuture<List<StoredEvent>>> pending = new ArrayList<>();
            tiny.events.next = () -> {
                CompletableFuture<List<StoredEvent>> f = new CompletableFuture<>();
                synchronized (pending) {
                    pending.add(f);
                }
                return f;
            };
            int polls = 40; // five times the pool
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < polls; i++) {
                responses.add(tiny.sendAsync(tiny.authed("/api/v1/events?wait=60")));
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(polls, tiny.events.queries.size(),
                    "every poll reached the core while the others wait"));
            assertEquals(200, tiny.send(tiny.request("/health")).statusCode(), "the server still answers");

            synchronized (pending) {
                for (int i = 0; i < pending.size(); i++) {
                    pending.get(i).complete(i % 2 == 0 ? List.of(event(i + 1, "{\"n\":" + i + "}")) : List.of());
                }
            }
            for (int i = 0; i < polls; i++) {
                int status = responses.get(i).get(10, TimeUnit.SECONDS).statusCode();
                assertTrue(status == 200 || status == 204, "status " + status);
            }
        }
    }

    @Test
    void asyncAnswersAreGzippedWhenTheClientAcceptsIt() throws Exception {
        CompletableFuture<List<StoredEvent>> later = new CompletableFuture<>();
        server.events.next = () -> later;
        List<StoredEvent> batch = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            batch.add(event(i, "{\"name\":\"CallState\",\"cid\":" + i + ",\"state\":\"Connected\",\"remote\":\"+79990001122\"}"));
        }

        CompletableFuture<HttpResponse<byte[]>> response = server.client.sendAsync(
                server.authed("/api/v1/events?wait=10").header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        awaitPolls(1);
        later.complete(batch);
        HttpResponse<byte[]> done = response.get(10, TimeUnit.SECONDS);

        assertEquals(200, done.statusCode());
        assertEquals("gzip", done.headers().firstValue("Content-Encoding").orElseThrow());
        assertEquals(new String(EventsJson.array(batch), StandardCharsets.UTF_8), gunzip(done.body()));
    }

    @Test
    void storeOutageWhilePollingIs503WithRetryAfter() {
        server.events.next = () -> CompletableFuture.failedFuture(
                new io.ctimw.core.port.out.StoreUnavailableException("db down", new IOException("refused")));

        HttpResponse<String> response = server.get("/api/v1/events");

        assertProblem(response, 503, "store-unavailable");
        assertEquals("5", response.headers().firstValue("Retry-After").orElseThrow());
    }

    private void awaitPolls(int count) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(count, server.events.queries.size()));
    }

    static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
