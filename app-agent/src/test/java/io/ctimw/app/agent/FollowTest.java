package io.ctimw.app.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.app.agent.testing.AgentRun;
import io.ctimw.app.agent.testing.Await;
import io.ctimw.app.agent.testing.Sessions;
import io.ctimw.app.agent.testing.StandInMiddleware;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code events --follow}: live delivery, riding out an outage of the middleware, stopping on request, and
 * the event stream (resumed by cursor when it ends; long-polling instead against a middleware without it).
 */
class FollowTest {
    @TempDir
    Path home;
    private StandInMiddleware standIn;

    @BeforeEach
    void start() throws Exception {
        standIn = new StandInMiddleware();
        Sessions.loggedIn(home, standIn, 0L);
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void printsLiveEventsSurvivesAnOutageAndStopsWhenAsked() throws Exception {
        AgentRun agent = new AgentRun(home);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> agent.run("-a", standIn.address(), "events", "--follow"));

        Await.until("a long poll", () -> !standIn.requestsTo("/api/v1/events").isEmpty(), agent::err);
        standIn.publish("{\"name\":\"NewCall\",\"cid\":\"c1\",\"state\":\"new\",\"direction\":\"in\",\"displayName\":\"Alice\"}");
        Await.until("the first event", () -> agent.out().contains("NewCall"), agent::out);

        standIn.stop();
        Await.until("the outage notice", () -> agent.err().contains("middleware unreachable at " + standIn.address()
                + "; retrying"), agent::err);
        failedRetries(3); // the notice must still appear only once after several failed retries
        standIn.start();
        Await.until("the restore notice", () -> agent.err().contains("connection restored"), agent::err);

        standIn.publish("{\"name\":\"CallStatus\",\"cid\":\"c1\",\"state\":\"connected\"}");
        Await.until("the second event", () -> agent.out().contains("CallStatus"), agent::out);

        agent.agent().stop();
        assertEquals(0, exit.get(10, TimeUnit.SECONDS));
        assertEquals(1, count(agent.err(), "middleware unreachable"), agent.err());
        assertEquals(1, count(agent.err(), "connection restored"), agent.err());
        assertEquals(1, count(agent.out(), "NewCall"), agent.out());
        assertEquals(1, count(agent.out(), "CallStatus"), agent.out());
        assertEquals(2L, Sessions.stored(home, standIn).orElseThrow().cursor());
    }

    /**
     * Holds the stopped stand-in's port with a listener that hangs up on every connection, until the
     * agent has retried {@code attempts} times: counted, not slept on.
     */
    private void failedRetries(int attempts) throws Exception {
        AtomicInteger hungUp = new AtomicInteger();
        Thread acceptor;
        try (ServerSocket hangUp = new ServerSocket()) {
            hangUp.setReuseAddress(true);
            hangUp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), URI.create(standIn.address()).getPort()));
            acceptor = new Thread(() -> {
                while (!hangUp.isClosed()) {
                    try (Socket accepted = hangUp.accept()) {
                        // Reset, not FIN: a closing handshake would leave the port in TIME_WAIT.
                        accepted.setSoLinger(true, 0);
                        hungUp.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "hang-up");
            acceptor.start();
            Await.until(attempts + " failed retries", () -> hungUp.get() >= attempts, () -> "retries: " + hungUp.get());
        }
        // A socket closed while another thread blocks in accept() is released only once that accept returns:
        // until then the stand-in could not listen on the port again.
        acceptor.join(TimeUnit.SECONDS.toMillis(10));
    }

    @Test
    void restartedFollowResumesAfterTheStoredCursor() throws Exception {
        standIn.publish("{\"name\":\"NewCall\",\"cid\":\"c1\",\"state\":\"new\"}");
        AgentRun first = new AgentRun(home);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> first.run("-a", standIn.address(), "events", "--follow"));
        Await.until("the first event", () -> first.out().contains("NewCall"), first::out);
        first.agent().stop();
        assertEquals(0, exit.get(10, TimeUnit.SECONDS));

        standIn.publish("{\"name\":\"OnClose\",\"cid\":\"c1\"}");
        AgentRun second = new AgentRun(home);
        CompletableFuture<Integer> again = CompletableFuture.supplyAsync(
                () -> second.run("-a", standIn.address(), "events", "--follow", "--json"));
        Await.until("the second event", () -> second.out().contains("OnClose"), second::out);
        second.agent().stop();
        assertEquals(0, again.get(10, TimeUnit.SECONDS));

        assertEquals(1, second.out().lines().count(), second.out());
        assertTrue(standIn.requestsTo("/api/v1/events").stream().anyMatch(r -> "1".equals(r.query().get("after"))));
    }

    @Test
    void expiredSessionEndsFollowWithExitFour() throws Exception {
        AgentRun agent = new AgentRun(home);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> agent.run("-a", standIn.address(), "events", "--follow"));
        Await.until("a long poll", () -> !standIn.requestsTo("/api/v1/events").isEmpty(), agent::err);

        standIn.tokens.clear();

        assertEquals(4, exit.get(10, TimeUnit.SECONDS));
        assertTrue(agent.err().contains("run: cti-agent login LOGIN"), agent.err());
    }

    @Test
    void followReadsTheStreamAndReopensItFromTheLastCursorWhenItEnds() throws Exception {
        standIn.streams = true;
        standIn.endStreamAfter = 2; // every stream is cut as slow after two events
        AgentRun agent = new AgentRun(home);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> agent.run("-a", standIn.address(), "events", "--follow", "--json"));
        Await.until("a stream", () -> !standIn.requestsTo("/api/v1/events/stream").isEmpty(), agent::err);
        for (int i = 1; i <= 5; i++) {
            standIn.publish("{\"name\":\"CallStatus\",\"cid\":\"c" + i + "\",\"state\":\"connected\"}");
        }
        Await.until("all five events", () -> agent.out().lines().count() == 5, agent::out);
        agent.agent().stop();
        assertEquals(0, exit.get(10, TimeUnit.SECONDS));

        List<String> afters = standIn.requestsTo("/api/v1/events/stream").stream()
                .map(r -> r.query().getOrDefault("after", "-")).toList();
        assertEquals(List.of("0", "2", "4"), afters.subList(0, 3), "each stream resumes after the last cursor printed");
        assertTrue(standIn.requestsTo("/api/v1/events").isEmpty(), "no long-poll against a middleware with the stream");
        for (int i = 1; i <= 5; i++) {
            assertTrue(agent.out().contains("\"c" + i + "\""), agent.out());
        }
        assertEquals(5L, Sessions.stored(home, standIn).orElseThrow().cursor());
        assertEquals("", agent.err(), "a stream ended by the middleware is no outage");
    }

    @Test
    void aMiddlewareWithoutTheStreamIsLongPolled() throws Exception {
        AgentRun agent = new AgentRun(home);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> agent.run("-a", standIn.address(), "events", "--follow"));
        Await.until("a long poll", () -> !standIn.requestsTo("/api/v1/events").isEmpty(), agent::err);
        standIn.publish("{\"name\":\"NewCall\",\"cid\":\"c1\",\"state\":\"new\"}");
        Await.until("the event", () -> agent.out().contains("NewCall"), agent::out);
        agent.agent().stop();
        assertEquals(0, exit.get(10, TimeUnit.SECONDS));
        assertEquals(1, standIn.requestsTo("/api/v1/events/stream").size(), "asked once, then long-polled");
        assertEquals("", agent.err());
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
