package io.ctimw.app.middleware;

import io.ctimw.app.middleware.testing.AgentHttp;
import io.ctimw.app.middleware.testing.MiddlewareHarness;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctimw.adapters.postgres.testing.TestDatabase;
import io.ctimw.simulator.CtiSimulator;
import io.ctimw.simulator.ReceivedCommand;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole service between a real CTI (the simulator) and real HTTP agents. */
class EndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private TestDatabase db;
    private CtiSimulator cti;
    private MiddlewareHarness mw;

    @BeforeEach
    void start() {
        db = TestDatabase.create();
        cti = CtiSimulator.builder().operators("agent1", "agent2", "agent3").build().start();
        mw = MiddlewareHarness.start(db, cti).withAgents("agent1", "agent2");
    }

    @AfterEach
    void stop() {
        mw.close();
        cti.close();
        db.close();
    }

    private String cidOf(JsonNode event) {
        return event.get("cid").toString(); // JSON text: "\"c1\"" or "7"
    }

    @Test
    void loginAttachesThePhoneAndTheAgentSeesItsStateAndAvailability() throws Exception {
        AgentHttp a1 = mw.agent().login("agent1", MiddlewareHarness.PASSWORD);
        cti.awaitAttached("agent1", WAIT);
        List<JsonNode> events = a1.awaitEvents(WAIT, "mw.PhoneAvailable", "UserState");
        assertTrue(events.stream().allMatch(e -> e.get("_cursor").isNumber()));
        assertEquals(Set.of("agent1"), logins(events));
    }

    @Test
    void twoAgentsNeverSeeEachOthersEvents() throws Exception {
        AgentHttp a1 = mw.agent().login("agent1", MiddlewareHarness.PASSWORD);
        AgentHttp a2 = mw.agent().login("agent2", MiddlewareHarness.PASSWORD);
        cti.awaitAttached("agent1", WAIT);
        cti.awaitAttached("agent2", WAIT);
        cti.injectIncomingCall("agent1", "+100");
        cti.injectIncomingCall("agent2", "+200");
        List<JsonNode> e1 = a1.awaitEvent("NewCall", WAIT);
        List<JsonNode> e2 = a2.awaitEvent("NewCall", WAIT);
        assertEquals(Set.of("agent1"), logins(e1));
        assertEquals(Set.of("agent2"), logins(e2));
        assertFalse(e1.toString().contains("+200"));
        assertFalse(e2.toString().contains("+100"));
    }

    @Test
    void aCommandReachesTheCtiWithTheSessionsLoginAndAFreshRid() throws Exception {
        AgentHttp a1 = mw.agent().login("agent1", MiddlewareHarness.PASSWORD);
        cti.awaitAttached("agent1", WAIT);
        cti.injectIncomingCall("agent1", "+100");
        JsonNode call = last(a1.awaitEvent("NewCall", WAIT), "NewCall");
        HttpResponse<String> answer = a1.control("{\"name\":\"Answer\",\"cid\":" + cidOf(call) + "}");
        assertEquals(200, answer.statusCode(), answer.body());
        ReceivedCommand sent = cti.awaitCommand(c -> c.is("Answer"), WAIT);
        assertEquals("agent1", sent.login());
        Set<String> rids = new HashSet<>();
        cti.receivedCommands().forEach(c -> assertTrue(rids.add(c.rid()), "rid reused: " + c.rid()));
        a1.awaitEvent("CallStatus", WAIT); // the Answer's effect flows back
    }

    @Test
    void anotherAgentsCallIsRefusedAndNothingReachesTheCti() throws Exception {
        AgentHttp a1 = mw.agent().login("agent1", MiddlewareHarness.PASSWORD);
        AgentHttp a2 = mw.agent().login("agent2", MiddlewareHarness.PASSWORD);
        cti.awaitAttached("agent1", WAIT);
        cti.injectIncomingCall("agent1", "+100");
        JsonNode call = last(a1.awaitEvent("NewCall", WAIT), "NewCall");
        // agent2's attach is the last command its login causes: once it arrived, the count is stable
        cti.awaitCommand(c -> c.is("AttachToUser") && "agent2".equals(c.login()), WAIT);
        int before = cti.receivedCommands().size();
        HttpResponse<String> hijack = a2.control("{\"name\":\"Hangup\",\"cid\":" + cidOf(call) + "}");
        assertEquals(404, hijack.statusCode(), hijack.body());
        assertEquals("application/problem+json", hijack.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        HttpResponse<String> smuggled = a2.control("{\"name\":\"Hangup\",\"cid\":" + cidOf(call) + ",\"login\":\"agent1\"}");
        assertEquals(400, smuggled.statusCode(), smuggled.body());
        assertEquals(before, cti.receivedCommands().size(), "nothing may reach the CTI");
        assertTrue(cti.receivedCommands().stream().noneMatch(c -> c.is("Hangup")), cti.receivedCommands().toString());
    }

    @Test
    void malformedInputsGet400AndChangeNothing() throws Exception {
        AgentHttp a1 = mw.agent().login("agent1", MiddlewareHarness.PASSWORD);
        cti.awaitAttached("agent1", WAIT);
        a1.settled(WAIT);
        int commands = cti.receivedCommands().size();
        for (String body : List.of("not json", "[]", "{}", "{\"name\":42}", "{\"name\":\"Answer\"}",
                "{\"name\":\"Hold\",\"cid\":\"x\",\"on\":\"yes\"}", "{\"name\":\"SendDTMFSignal\",\"cid\":\"x\",\"DTMFString\":\"9x\"}",
                "{\"name\":\"ChangeUserState\",\"state\":\"offline\"}", "{\"name\":\"Answer\",\"name\":\"Hangup\",\"cid\":\"x\"}")) {
            assertEquals(400, a1.control(body).statusCode(), body);
        }
        for (String query : List.of("wait=61", "wait=-1", "limit=0", "limit=abc", "after=-5", "bogus=1")) {
            assertEquals(400, a1.get("/api/v1/events?" + query).statusCode(), query);
        }
        for (String body : List.of("{}", "{\"login\":\"agent1\"}", "{\"login\":\"agent1\",\"password\":7}", "x")) {
            assertEquals(400, mw.agent().post("/api/v1/login", body).statusCode(), body);
        }
        assertEquals(commands, cti.receivedCommands().size());
        assertTrue(a1.events("").isEmpty(), "no event was produced by bad input");
    }

    @Test
    void aCtiErrorIsNotA200AndCarriesTheCtisReason() throws Exception {
        AgentHttp a1 = mw.agent().login("agent1", MiddlewareHarness.PASSWORD);
        cti.awaitAttached("agent1", WAIT);
        cti.faults().failNext("MakeCall", "number is barred");
        HttpResponse<String> r = a1.control("{\"name\":\"MakeCall\",\"phoneNumber\":\"+3512345\"}");
        assertEquals(422, r.statusCode(), r.body());
        assertEquals("number is barred", AgentHttp.JSON.readTree(r.body()).get("ctiDescription").asText());
    }

    @Test
    void aSilentCtiGives504() throws Exception {
        AgentHttp a1 = mw.agent().login("agent1", MiddlewareHarness.PASSWORD);
        cti.awaitAttached("agent1", WAIT);
        cti.faults().silence("GetUserState", true);
        assertEquals(504, a1.control("{\"name\":\"GetUserState\"}").statusCode());
    }

    @Test
    void dataRepliesAreReturned() throws Exception {
        AgentHttp a1 = mw.agent().login("agent1", MiddlewareHarness.PASSWORD);
        cti.awaitAttached("agent1", WAIT);
        cti.injectIncomingCall("agent1", "+100");
        a1.awaitEvent("NewCall", WAIT);
        HttpResponse<String> r = a1.control("{\"name\":\"GetCalls\"}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode calls = AgentHttp.JSON.readTree(r.body());
        assertEquals("Calls", calls.get("name").asText());
        assertEquals(1, calls.get("calls").size());
        assertFalse(calls.has("rid"));
    }

    @Test
    void aLongPollIsAnsweredAsSoonAsAnEventArrives() throws Exception {
        AgentHttp a1 = mw.agent().login("agent1", MiddlewareHarness.PASSWORD);
        cti.awaitAttached("agent1", WAIT);
        a1.settled(WAIT);
        Thread caller = new Thread(() -> cti.injectIncomingCall("agent1", "+300"));
        long start = System.nanoTime();
        caller.start();
        List<JsonNode> got = a1.events("wait=30");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertFalse(got.isEmpty());
        assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "the poll waited for its full time: " + took);
    }

    @Test
    void logoutEndsTheSessionAndDetachesThePhone() throws Exception {
        AgentHttp a1 = mw.agent().login("agent1", MiddlewareHarness.PASSWORD);
        cti.awaitAttached("agent1", WAIT);
        assertEquals(204, a1.post("/api/v1/logout", "").statusCode());
        assertEquals(401, a1.get("/api/v1/events").statusCode());
        cti.awaitCommand(c -> c.is("DetachFromUser") && "agent1".equals(c.login()), WAIT);
    }

    @Test
    void wrongPasswordAndUnknownLoginGetTheSame401() throws Exception {
        HttpResponse<String> wrong = mw.agent().post("/api/v1/login", "{\"login\":\"agent1\",\"password\":\"nope-nope\"}");
        HttpResponse<String> unknown = mw.agent().post("/api/v1/login", "{\"login\":\"ghost\",\"password\":\"nope-nope\"}");
        assertEquals(401, wrong.statusCode());
        assertEquals(wrong.statusCode(), unknown.statusCode());
        assertEquals(wrong.body(), unknown.body());
        // A refused login opens no session, so it attaches no phone. The attach of a login made
        // afterwards travels the same link in order: once it arrived, an earlier one would have too.
        mw.agent().login("agent2", MiddlewareHarness.PASSWORD);
        cti.awaitCommand(c -> c.is("AttachToUser") && "agent2".equals(c.login()), WAIT);
        assertEquals(List.of("agent2"), cti.receivedCommands().stream().filter(c -> c.is("AttachToUser"))
                .map(c -> c.login()).toList());
    }

    static Set<String> logins(List<JsonNode> events) {
        Set<String> logins = new HashSet<>();
        events.forEach(e -> logins.add(e.path("login").asText()));
        return logins;
    }

    static JsonNode last(List<JsonNode> events, String name) {
        return events.stream().filter(e -> name.equals(e.path("name").asText())).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void numericCidsKeepTheirTypeThroughTheWholeStack() throws Exception {
        try (CtiSimulator numeric = CtiSimulator.builder().operators("agent1").cidAsNumber(true).build().start();
             MiddlewareHarness other = MiddlewareHarness.start(db2(), numeric).withAgents("agent1")) {
            AgentHttp a1 = other.agent().login("agent1", MiddlewareHarness.PASSWORD);
            numeric.awaitAttached("agent1", WAIT);
            numeric.injectIncomingCall("agent1", "+100");
            JsonNode call = last(a1.awaitEvent("NewCall", WAIT), "NewCall");
            assertTrue(call.get("cid").isIntegralNumber(), call.toString());
            // the agent names the call as a string; the CTI still gets its number back
            HttpResponse<String> r = a1.control("{\"name\":\"Answer\",\"cid\":\"" + call.get("cid").asText() + "\"}");
            assertEquals(200, r.statusCode(), r.body());
            ReceivedCommand sent = numeric.awaitCommand(c -> c.is("Answer"), WAIT);
            assertTrue(sent.json().get("cid").isIntegralNumber(), sent.rawJson());
        }
    }

    private TestDatabase second;

    private TestDatabase db2() {
        second = TestDatabase.create();
        return second;
    }

    @AfterEach
    void dropSecond() {
        if (second != null) {
            second.close();
        }
    }
}
