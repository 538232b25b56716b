package io.ctimw.app.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.app.agent.session.Session;
import io.ctimw.app.agent.testing.AgentRun;
import io.ctimw.app.agent.testing.Sessions;
import io.ctimw.app.agent.testing.StandInMiddleware;
import io.ctimw.app.agent.testing.StandInMiddleware.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent against a real HTTP server on loopback: sessions, events, gzip and error mapping. */
class MiddlewareSessionTest {
    @TempDir
    Path home;
    private StandInMiddleware standIn;

    @BeforeEach
    void start() throws Exception {
        standIn = new StandInMiddleware();
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void loginStoresTheSessionAndALaterInvocationReusesIt() throws Exception {
        standIn.sessionCursor = 17;
        AgentRun login = new AgentRun(home, StandInMiddleware.PASSWORD + "\n");

        assertEquals(0, login.run("-a", standIn.address(), "login", "agent1", "--password-stdin"), login.err());
        assertTrue(login.out().contains("logged in as agent1"), login.out());

        Session stored = Sessions.stored(home, standIn).orElseThrow();
        assertEquals("tok-agent1", stored.token());
        assertEquals(17L, stored.cursor());
        Path file = Sessions.file(home).fileFor(java.net.URI.create(stored.address()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        AgentRun later = new AgentRun(home);
        assertEquals(0, later.run("-a", standIn.address(), "whoami"), later.err());
        assertTrue(later.out().contains("agent1 at " + standIn.address()), later.out());
        assertEquals("Bearer tok-agent1", standIn.requestsTo("/api/v1/session").get(1).header("Authorization"));
    }

    @Test
    void wrongPasswordIsRefused() {
        AgentRun agent = new AgentRun(home, "nope\n");

        assertEquals(5, agent.run("-a", standIn.address(), "login", "agent1", "--password-stdin"));
        assertTrue(agent.err().contains("login refused"), agent.err());
        assertTrue(Sessions.stored(home, standIn).isEmpty());
    }

    @Test
    void logoutEndsTheSessionAndDeletesTheFile() {
        Sessions.loggedIn(home, standIn, 0L);
        AgentRun agent = new AgentRun(home);

        assertEquals(0, agent.run("-a", standIn.address(), "logout"), agent.err());
        assertEquals(1, standIn.requestsTo("/api/v1/logout").size());
        assertTrue(Sessions.stored(home, standIn).isEmpty());
    }

    @Test
    void eventsResumeFromTheStoredCursorWithoutDuplicates() throws Exception {
        standIn.publish("{\"name\":\"UserState\",\"login\":\"agent1\",\"state\":\"normal\"}");
        standIn.publish("{\"name\":\"NewCall\",\"login\":\"agent1\",\"cid\":\"c1\",\"state\":\"new\"}");
        standIn.publish("{\"name\":\"CallStatus\",\"login\":\"agent1\",\"cid\":\"c1\",\"state\":\"connected\"}");
        Sessions.loggedIn(home, standIn, 1L);

        AgentRun first = new AgentRun(home);
        assertEquals(0, first.run("-a", standIn.address(), "events"), first.err());
        AgentRun second = new AgentRun(home);
        assertEquals(0, second.run("-a", standIn.address(), "events"), second.err());

        List<StandInMiddleware.Recorded> polls = standIn.requestsTo("/api/v1/events");
        assertEquals("1", polls.get(0).query().get("after"));
        assertEquals("3", polls.get(1).query().get("after"));
        assertFalse(first.out().contains("UserState"), first.out());
        assertTrue(first.out().contains("NewCall"), first.out());
        assertTrue(first.out().contains("cid=c1 state=connected"), first.out());
        assertEquals("", second.out());
        assertEquals(3L, Sessions.stored(home, standIn).orElseThrow().cursor());
    }

    @Test
    void eventsJsonPrintsOneRawObjectPerLine() throws Exception {
        standIn.publish("{\"name\":\"NewCall\",\"cid\":5,\"extra\":{\"a\":1}}");
        Sessions.loggedIn(home, standIn, 0L);
        AgentRun agent = new AgentRun(home);

        assertEquals(0, agent.run("-a", standIn.address(), "events", "--json"), agent.err());
        assertEquals("{\"name\":\"NewCall\",\"cid\":5,\"extra\":{\"a\":1},\"_cursor\":1,"
                + "\"_receivedAt\":\"2026-11-21T10:00:00Z\"}\n", agent.out());
    }

    @Test
    void gzipResponsesAreDecodedAndRequestBodiesSentGzipped() throws Exception {
        standIn.gzipResponses = true;
        standIn.control = body -> new Reply(200, "application/json", "{\"name\":\"Calls\",\"login\":\"agent1\",\"calls\":["
                + "{\"cid\":\"c1\",\"state\":\"connected\",\"direction\":\"in\",\"hold\":true,\"muted\":false,"
                + "\"displayName\":\"Alice\",\"params\":{\"caller\":\"+3512345\",\"called\":\"100\"}}]}");
        Sessions.loggedIn(home, standIn, 0L);
        AgentRun agent = new AgentRun(home);

        assertEquals(0, agent.run("-a", standIn.address(), "calls"), agent.err());

        assertEquals(List.of("CID  STATE      DIR  FLAGS  PARTY", "c1   connected  in   hold   Alice (+3512345 -> 100)"),
                agent.out().lines().toList());
        StandInMiddleware.Recorded sent = standIn.requestsTo("/api/v1/control").get(0);
        assertEquals("gzip", sent.header("Content-Encoding"));
        assertEquals(0x1f, sent.rawBody()[0] & 0xff);
        assertEquals(0x8b, sent.rawBody()[1] & 0xff);
        assertEquals("GetCalls", sent.json().path("name").asText());
        assertTrue(sent.header("Accept-Encoding").contains("gzip"));
    }

    @Test
    void expiredSessionExitsFourAndForgetsTheSession() {
        Sessions.loggedIn(home, standIn, 0L);
        standIn.tokens.clear();
        AgentRun agent = new AgentRun(home);

        assertEquals(4, agent.run("-a", standIn.address(), "answer", "c1"));
        assertTrue(agent.err().contains("session expired or ended at " + standIn.address()
                + "; run: cti-agent login LOGIN"), agent.err());
        assertTrue(Sessions.stored(home, standIn).isEmpty());
    }

    @Test
    void refusedCommandExitsFivePrintingTheDetail() {
        Sessions.loggedIn(home, standIn, 0L);
        standIn.control = body -> Reply.problem(422, "Command refused", "the CTI refused Answer: call not found",
                "\"ctiDescription\":\"call not found\"");
        AgentRun agent = new AgentRun(home);

        assertEquals(5, agent.run("-a", standIn.address(), "answer", "c9"));
        assertEquals("cti-agent: refused: the CTI refused Answer: call not found\n", agent.err());
    }

    @Test
    void unknownCallExitsFive() {
        Sessions.loggedIn(home, standIn, 0L);
        standIn.control = body -> Reply.problem(404, "Not Found", "no call c9", null);
        AgentRun agent = new AgentRun(home);

        assertEquals(5, agent.run("-a", standIn.address(), "hangup", "c9"));
        assertTrue(agent.err().contains("no call c9"), agent.err());
    }

    @Test
    void serverErrorExitsSix() {
        Sessions.loggedIn(home, standIn, 0L);
        standIn.control = body -> Reply.problem(503, "Phone unavailable", "the CTI link is down", null);
        AgentRun agent = new AgentRun(home);

        assertEquals(6, agent.run("-a", standIn.address(), "answer", "c1"));
        assertTrue(agent.err().contains("middleware error 503 Phone unavailable: the CTI link is down"), agent.err());
    }

    @Test
    void userStateReplyIsShownReadably() {
        Sessions.loggedIn(home, standIn, 0L);
        standIn.control = body -> new Reply(200, "application/json",
                "{\"name\":\"UserState\",\"login\":\"agent1\",\"state\":\"away\",\"substates\":[\"dnd\"],\"reason\":\"Dinner\"}");
        AgentRun agent = new AgentRun(home);

        assertEquals(0, agent.run("-a", standIn.address(), "user-state"), agent.err());
        assertEquals("state: away (dnd), reason: Dinner\n", agent.out());
    }
}
