package io.ctimw.app.middleware;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.adapters.postgres.testing.TestDatabase;
import io.ctimw.app.middleware.testing.AgentHttp;
import io.ctimw.app.middleware.testing.MiddlewareHarness;
import io.ctimw.app.middleware.testing.SseFeed;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.Password;
import io.ctimw.core.model.Role;
import io.ctimw.simulator.CtiSimulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code GET /api/v1/events/stream} on the whole service (real PostgreSQL, the CTI simulator, real HTTP):
 * what a client receives is checked against the cursors stored in the database.
 */
@Timeout(120)
class EventStreamEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Map<String, Object> SETTINGS = Map.of("events.stream.heartbeat", "1s");

    private TestDatabase db;
    private CtiSimulator cti;
    private MiddlewareHarness mw;
    private AgentHttp agent;
    private long start;

    @BeforeEach
    void start() throws Exception {
        db = TestDatabase.create();
        cti = CtiSimulator.builder().operators("agent1").build().start();
        mw = MiddlewareHarness.start(db, cti, SETTINGS).withAgents("agent1");
        agent = mw.agent().login("agent1", MiddlewareHarness.PASSWORD);
        cti.awaitAttached("agent1", WAIT);
        agent.settled(WAIT);
        start = AgentHttp.JSON.readTree(agent.get("/api/v1/session").body()).path("cursor").asLong();
    }

    @AfterEach
    void stop() {
        cti.load().stop();
        mw.close();
        cti.close();
        db.close();
    }

    @Test
    void resumesAfterADroppedConnectionAndAfterARestartWithNoGapAndNoRepeat() throws Exception {
        SseFeed first = SseFeed.open(mw.baseUrl(), agent.token(), "?after=" + start);
        calls(2);
        awaitAll(first, start);
        first.close(); // the network drops it

        calls(2);
        SseFeed second = SseFeed.open(mw.baseUrl(), agent.token(), "", "Last-Event-ID", Long.toString(first.lastId()));
        awaitAll(second, first.lastId());
        mw.close();
        await().atMost(WAIT).until(() -> second.endReason() != null);
        assertEquals("shutdown", second.endReason());

        mw = MiddlewareHarness.start(db, cti, SETTINGS);
        cti.awaitAttached("agent1", WAIT);
        calls(2);
        SseFeed third = SseFeed.open(mw.baseUrl(), agent.token(), "?after=" + second.lastId());
        awaitAll(third, second.lastId());

        List<Long> seen = new ArrayList<>(first.ids);
        seen.addAll(second.ids);
        seen.addAll(third.ids);
        assertEquals(stored(start), seen, "every stored event once, in order");
        third.close();
    }

    @Test
    void heartbeatsKeepComingAndALogoutEndsTheStream() throws Exception {
        SseFeed feed = SseFeed.open(mw.baseUrl(), agent.token(), "");
        await().atMost(WAIT).until(() -> feed.heartbeats.get() >= 2);
        assertEquals(204, agent.post("/api/v1/logout", "").statusCode());
        await().atMost(WAIT).until(() -> feed.endReason() != null);
        assertEquals("logged-out", feed.endReason());
    }

    @Test
    void blockingTheAgentEndsItsStream() throws Exception {
        SseFeed feed = SseFeed.open(mw.baseUrl(), agent.token(), "", "Accept-Encoding", "gzip");
        assertEquals("gzip", feed.response.headers().firstValue("Content-Encoding").orElseThrow());
        calls(1);
        awaitAll(feed, start); // gzip: each event arrived while the stream stayed open
        mw.app().core().userAdministration().disable(new Login("agent1"));
        await().atMost(WAIT).until(() -> feed.endReason() != null);
        assertEquals("session-ended", feed.endReason());
    }

    @Test
    void aReaderThatFallsBehindIsCutAsSlowAndResumesByCursor() throws Exception {
        mw.close(); // a tiny buffer, and heartbeats rare enough that the cut stream is not closed before it is read
        mw = MiddlewareHarness.start(db, cti, Map.of("events.stream.max-pending", 5, "events.stream.heartbeat", "30s"));
        cti.awaitAttached("agent1", WAIT);
        URI base = URI.create(mw.baseUrl());
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096); // before connecting: a small window fills quickly
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()));
            OutputStream out = socket.getOutputStream();
            // HTTP/1.0: the body is the raw stream, ended by closing the connection.
            out.write(("GET /api/v1/events/stream?after=" + start + " HTTP/1.0\r\nHost: " + base.getHost()
                    + "\r\nAuthorization: Bearer " + agent.token() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            cti.load().start(3000, List.of("agent1")); // read nothing while thousands of events are stored
            await().atMost(WAIT).until(() -> stored(start).size() >= 6000);
            cti.load().stop();

            List<Long> ids = new ArrayList<>();
            String end = null;
            BufferedReader lines = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("id: ")) {
                    ids.add(Long.parseLong(line.substring(4)));
                } else if (line.startsWith("data: {\"reason\"")) {
                    end = line;
                }
            }
            assertEquals("data: {\"reason\":\"slow-consumer\"}", end, "cut with its reason once it read what was sent");
            List<Long> all = stored(start);
            assertTrue(ids.size() < all.size(), "it was cut before the end");
            assertEquals(all.subList(0, ids.size()), ids, "what it got is a gapless prefix");

            SseFeed resumed = SseFeed.open(mw.baseUrl(), agent.token(), "?after=" + ids.get(ids.size() - 1));
            awaitAll(resumed, ids.get(ids.size() - 1));
            resumed.close();
        }
    }

    @Test
    void withoutTheEventsGrantItIs403AndAnOpenStreamEndsAsForbidden() throws Exception {
        SseFeed feed = SseFeed.open(mw.baseUrl(), agent.token(), "");
        mw.app().core().userAdministration().add(new Login("boss"), new Password("boss-password"), Role.ADMIN);
        AgentHttp admin = mw.agent().login("boss", "boss-password");
        assertEquals(200, admin.send("PATCH", "/api/v1/admin/users/agent1", "{\"grants\":[\"control:*\"]}")
                .statusCode());
        await().atMost(WAIT).until(() -> feed.endReason() != null); // at its next heartbeat's check
        assertEquals("forbidden", feed.endReason());
        assertEquals(403, agent.get("/api/v1/events/stream").statusCode());
    }

    @Test
    void badStartsAre400() throws Exception {
        assertEquals(400, agent.get("/api/v1/events/stream?after=x").statusCode());
        assertEquals(400, agent.get("/api/v1/events/stream?after=1&after=2").statusCode());
    }

    private void calls(int count) {
        for (int i = 0; i < count; i++) {
            cti.injectIncomingCall("agent1", "+7000" + i);
        }
    }

    /** Waits until the feed holds exactly the stored events after {@code after} (and nothing else). */
    private void awaitAll(SseFeed feed, long after) {
        await().atMost(WAIT).until(() -> !stored(after).isEmpty() && feed.ids.equals(stored(after)));
    }

    private List<Long> stored(long after) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement q = c.prepareStatement(
                     "select cursor from events where login = 'agent1' and cursor > ? order by cursor")) {
            q.setLong(1, after);
            List<Long> out = new ArrayList<>();
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    out.add(rows.getLong(1));
                }
            }
            return out;
        }
    }
}
