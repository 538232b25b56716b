package io.ctimw.adapters.http;

import static io.ctimw.adapters.http.TestServer.assertProblem;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctimw.core.model.StreamEnd;
import io.ctimw.core.port.in.AccessDeniedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code GET /api/v1/events/stream} over real HTTP against a fake core stream. */
@Timeout(60)
class EventStreamTest {
    private static final String STREAM = "/api/v1/events/stream";

    private TestServer server = server(Duration.ofSeconds(50));

    /** Caps: 3 streams in all, 2 per login; 2 requests per address on workers. */
    private static TestServer server(Duration heartbeat) {
        return new TestServer(s -> s.withStreams(new StreamSettings(heartbeat, 3, 2))
                .withLimits(new EdgeLimits(Duration.ofSeconds(10), 1024, 1024, 32, 2, 4, 2)));
    }

    private void restart(Duration heartbeat) {
        server.close();
        server = server(heartbeat);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void eachEventIsOneMessageWithItsCursorAsIdAndThePollsJsonAsData() throws Exception {
        try (Lines lines = open(server.authed(STREAM + "?after=40"))) {
            assertTrue(lines.response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/event-stream"));
            assertEquals("no-store", lines.response.headers().firstValue("Cache-Control").orElseThrow());
            Fakes.Stream stream = openStream();
            assertEquals(OptionalLong.of(40), stream.after);
            assertEquals(Fakes.SESSION, stream.session);

            stream.push(EventsTest.event(41, "{\"name\":\"CallState\",\n \"cid\":2}"), EventsTest.event(42, "{}"));

            assertEquals("id: 41", lines.next());
            assertEquals("data: {\"_cursor\":41,\"_receivedAt\":\"2026-11-21T09:15:30.123Z\",\"name\":\"CallState\",  \"cid\":2}",
                    lines.next());
            assertEquals("", lines.next());
            assertEquals("id: 42", lines.next());
            assertEquals("data: {\"_cursor\":42,\"_receivedAt\":\"2026-11-21T09:15:30.123Z\"}", lines.next());
        }
    }

    @Test
    void lastEventIdResumesAndNeitherStartsWhereTheSessionIs() throws Exception {
        try (Lines resumed = open(server.authed(STREAM).header("Last-Event-ID", "17"));
             Lines fresh = open(server.authed(STREAM))) {
            await().until(() -> server.events.streams.size() == 2);
            List<OptionalLong> afters = server.events.streams.stream().map(s -> s.after).toList();
            assertTrue(afters.contains(OptionalLong.of(17)) && afters.contains(OptionalLong.empty()), afters::toString);
        }
    }

    @Test
    void theStreamEndsWithANamedEventSayingWhy() throws Exception {
        try (Lines lines = open(server.authed(STREAM))) {
            openStream().end(StreamEnd.LOGGED_OUT);

            assertEquals("event: end", lines.next());
            assertEquals("data: {\"reason\":\"logged-out\"}", lines.next());
            assertEquals("", lines.next());
            assertNull(lines.next(), "the response ends after its end event");
        }
    }

    @Test
    void heartbeatsComeFromTheSharedTimerAndCheckTheSession() throws Exception {
        restart(Duration.ofMillis(100));
        try (Lines lines = open(server.authed(STREAM))) {
            assertEquals(": hb", lines.next());
            assertEquals("", lines.next());
            assertEquals(": hb", lines.next());
            assertTrue(openStream().checks.get() >= 2, "each heartbeat checks (and keeps alive) the session");
        }
    }

    @Test
    void gzipIsFlushedPerMessageSoEachEventArrivesAtOnce() throws Exception {
        HttpResponse<InputStream> response = server.client.send(server.authed(STREAM)
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals("gzip", response.headers().firstValue("Content-Encoding").orElseThrow());
        try (Lines lines = new Lines(response, new GZIPInputStream(response.body()))) {
            openStream().push(EventsTest.event(5, "{\"name\":\"X\"}"));
            assertEquals("id: 5", lines.next()); // the stream is still open: only a flush can have sent it
            openStream().push(EventsTest.event(6, "{\"name\":\"Y\"}"));
            lines.next();
            lines.next();
            assertEquals("id: 6", lines.next());
        }
    }

    @Test
    void aStopEndsOpenStreamsWithShutdown() throws Exception {
        try (Lines lines = open(server.authed(STREAM))) {
            openStream();
            // Graceful: the stop waits for the streams to write their end (and then, in vain, for this
            // client's idle keep-alive connection, hence off this thread).
            java.util.concurrent.CompletableFuture<Void> stopping =
                    java.util.concurrent.CompletableFuture.runAsync(() -> server.api.stop());
            assertEquals("event: end", lines.next());
            assertEquals("data: {\"reason\":\"shutdown\"}", lines.next());
            stopping.exceptionally(e -> null).join();
        }
    }

    @Test
    void openStreamsHoldNoWorkerSoTheClientsOtherRequestsStillPass() throws Exception {
        // Two requests per address on workers at most, yet two open streams leave room for more requests.
        try (Lines one = open(server.authed(STREAM)); Lines two = open(server.authed(STREAM))) {
            await().until(() -> server.events.streams.size() == 2);
            for (int i = 0; i < 3; i++) {
                assertEquals(200, server.get("/api/v1/session").statusCode());
            }
        }
    }

    @Test
    void capsPerLoginAre429AndInAll503BothWithRetryAfter() throws Exception {
        restart(Duration.ofMillis(200)); // a closed client is noticed at the next heartbeat's write
        String secondSession = "tok_secondSessionOfAgent1xxxxxxxxxxxxxxxxxxxxxx";
        server.auth.sessions.put(secondSession, Fakes.session("agent1", secondSession, 0));
        try (Lines one = open(server.authed(STREAM)); Lines two = open(server.authed(STREAM))) {
            await().until(() -> server.events.streams.size() == 2);
            HttpResponse<String> third = server.send(server.authed(STREAM));
            assertProblem(third, 429, "too-many-streams");
            assertEquals("5", third.headers().firstValue("Retry-After").orElseThrow());
            HttpResponse<String> newSession = server.send(server.request(STREAM)
                    .header("Authorization", "Bearer " + secondSession));
            assertProblem(newSession, 429, "too-many-streams"); // another session of the same login buys no place

            try (Lines other = open(server.request(STREAM).header("Authorization", "Bearer " + Fakes.OTHER_TOKEN))) {
                await().until(() -> server.events.streams.size() == 3);
                HttpResponse<String> full = server.send(server.request(STREAM)
                        .header("Authorization", "Bearer " + Fakes.OTHER_TOKEN));
                assertProblem(full, 503, "server-busy");
                assertEquals("5", full.headers().firstValue("Retry-After").orElseThrow());
            }
        }
        await().until(() -> server.events.streams.stream().allMatch(s -> s.ended().isPresent()));
        try (Lines again = open(server.authed(STREAM))) {
            await().until(() -> server.events.streams.size() == 4); // the places were given back
        }
    }

    @Test
    void badStartsAre400NamingTheParameter() {
        assertEquals("after", assertProblem(server.send(server.authed(STREAM + "?after=-1")), 400, "bad-request")
                .path("parameter").asText());
        assertEquals("after", assertProblem(server.send(server.authed(STREAM + "?after=1").header("Last-Event-ID", "2")),
                400, "bad-request").path("parameter").asText());
        assertEquals("Last-Event-ID", assertProblem(server.send(server.authed(STREAM).header("Last-Event-ID", "x1")),
                400, "bad-request").path("parameter").asText());
        assertEquals("wait", assertProblem(server.send(server.authed(STREAM + "?wait=5")), 400, "bad-request")
                .path("parameter").asText());
        assertTrue(server.events.streams.isEmpty(), "nothing was opened");
    }

    @Test
    void withoutTheGrantItIs403AndNoPlaceIsKept() {
        server.events.streamFailure = new AccessDeniedException("events");
        for (int i = 0; i < 3; i++) { // more than the session's cap: a refused open gives its place back
            JsonNode problem = assertProblem(server.send(server.authed(STREAM)), 403, "forbidden");
            assertTrue(problem.path("detail").asText().contains("events"));
        }
    }

    private Fakes.Stream openStream() {
        await().until(() -> !server.events.streams.isEmpty());
        return server.events.streams.get(server.events.streams.size() - 1);
    }

    private Lines open(HttpRequest.Builder request) throws Exception {
        HttpResponse<InputStream> response = server.client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        return new Lines(response, response.body());
    }

    /** The body of an open stream, read line by line as it arrives. */
    private static final class Lines implements AutoCloseable {
        final HttpResponse<InputStream> response;
        private final InputStream reader;
        private final List<String> seen = new ArrayList<>();

        Lines(HttpResponse<InputStream> response, InputStream body) {
            this.response = response;
            // Bytes, not an InputStreamReader: over gzip that waits for more than has come.
            this.reader = new java.io.BufferedInputStream(body);
        }

        String next() {
            try {
                java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
                for (int b = reader.read(); b != '\n'; b = reader.read()) {
                    if (b < 0) {
                        seen.add(null);
                        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
                    }
                    line.write(b);
                }
                seen.add(line.toString(StandardCharsets.UTF_8));
                return seen.get(seen.size() - 1);
            } catch (IOException e) {
                throw new UncheckedIOException("after " + seen, e);
            }
        }

        @Override
        public void close() throws IOException {
            response.body().close();
            assertFalse(seen.contains("data: {\"reason\":\"client-gone\"}"), "client-gone is never sent");
        }
    }
}
