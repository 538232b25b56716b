package io.ctimw.app.agent.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ctimw.adapters.postgres.JdbiEventStore;
import io.ctimw.adapters.postgres.testing.TestDatabase;
import io.ctimw.app.agent.Agent;
import io.ctimw.app.agent.AgentMain;
import io.ctimw.app.agent.run.AgentContext;
import io.ctimw.app.middleware.testing.MiddlewareHarness;
import io.ctimw.core.model.Login;
import io.ctimw.core.testing.Await;
import io.ctimw.simulator.CtiSimulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent program against the real middleware, the CTI simulator and PostgreSQL, all in-process. */
class AgentEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private TestDatabase db;
    private CtiSimulator cti;
    private MiddlewareHarness mw;

    @BeforeEach
    void start() {
        db = TestDatabase.create();
        cti = CtiSimulator.builder().operators("agent1", "agent2").build().start();
        mw = MiddlewareHarness.start(db, cti).withAgents("agent1", "agent2");
    }

    @AfterEach
    void stop() {
        mw.close();
        cti.close();
        db.close();
    }

    private record Run(int code, String out, String err) {}

    private Map<String, String> env() {
        return Map.of(AgentContext.HOME_VARIABLE, home.toString(), AgentContext.ADDRESS_VARIABLE, mw.baseUrl());
    }

    private Run agent(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AgentMain.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env());
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void login(String login) {
        Run r = agent(MiddlewareHarness.PASSWORD + "\n", "login", login, "--password-stdin");
        assertEquals(0, r.code(), r.err());
        cti.awaitAttached(login, WAIT);
    }

    /** A running {@code events --follow} whose output the test watches. */
    private final class Follower implements AutoCloseable {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final Agent agent;
        final CompletableFuture<Integer> exit;

        Follower(String... extra) {
            List<String> args = new ArrayList<>(List.of("events", "--follow"));
            args.addAll(List.of(extra));
            agent = new Agent(AgentContext.standard(new ByteArrayInputStream(new byte[0]),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true,
                            StandardCharsets.UTF_8), env()));
            exit = CompletableFuture.supplyAsync(() -> agent.run(args.toArray(String[]::new)));
        }

        String output() {
            return out.toString(StandardCharsets.UTF_8);
        }

        void awaitOutput(String text) {
            Await.until(() -> output().contains(text), WAIT, "follow never printed '" + text + "'; printed:\n" + output());
        }

        @Override
        public void close() throws Exception {
            agent.stop();
            assertEquals(0, exit.get(10, TimeUnit.SECONDS));
        }
    }

    private List<JsonNode> jsonEvents() throws Exception {
        Run r = agent("", "events", "--json");
        assertEquals(0, r.code(), r.err());
        List<JsonNode> events = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            if (!line.isBlank()) {
                events.add(JSON.readTree(line));
            }
        }
        return events;
    }

    @Test
    void loginKeepsASessionThatASecondInvocationReuses() {
        login("agent1");
        Run whoami = agent("", "whoami");
        assertEquals(0, whoami.code(), whoami.err());
        assertTrue(whoami.out().contains("agent1"), whoami.out());
        Run wrong = agent("not-the-password\n", "login", "agent2", "--password-stdin");
        assertEquals(5, wrong.code());
    }

    @Test
    void followPrintsACallInjectedInTheSimulator() throws Exception {
        login("agent1");
        try (Follower follow = new Follower()) {
            follow.awaitOutput("mw.PhoneAvailable");
            cti.injectIncomingCall("agent1", "+3519990001");
            follow.awaitOutput("+3519990001");
            assertTrue(follow.output().contains("NewCall"), follow.output());
        }
    }

    @Test
    void answerReachesTheSimulatorForTheSessionsLogin() throws Exception {
        login("agent1");
        cti.injectIncomingCall("agent1", "+3519990002");
        String cid = awaitCid();
        Run answer = agent("", "answer", cid);
        assertEquals(0, answer.code(), answer.err());
        assertEquals("agent1", cti.awaitCommand(c -> c.is("Answer"), WAIT).login());
    }

    private String awaitCid() {
        JsonNode newCall = await("a NewCall for agent1").atMost(WAIT).pollInterval(Duration.ofMillis(20))
                .until(() -> jsonEvents().stream().filter(e -> "NewCall".equals(e.path("name").asText())).findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        return newCall.get("cid").asText();
    }

    @Test
    void aRefusedCommandGivesExitCode5AndTheReason() {
        login("agent1");
        Run unknown = agent("", "answer", "no-such-call");
        assertEquals(5, unknown.code());
        assertTrue(unknown.err().contains("no-such-call"), unknown.err());
        cti.faults().failNext("MakeCall", "number is barred");
        Run barred = agent("", "call", "+3512345");
        assertEquals(5, barred.code());
        assertTrue(barred.err().contains("number is barred"), barred.err());
    }

    private static List<Long> cursors(String jsonLines) throws Exception {
        List<Long> cursors = new ArrayList<>();
        for (String line : jsonLines.split("\n")) {
            if (!line.isBlank()) {
                cursors.add(JSON.readTree(line).get("_cursor").asLong());
            }
        }
        return cursors;
    }

    @Test
    void aRestartedAgentResumesWithoutLossOrDuplicatesAcrossAMiddlewareRestart() throws Exception {
        login("agent1");
        String firstOutput;
        try (Follower first = new Follower("--json")) {
            first.awaitOutput("mw.PhoneAvailable");
            cti.injectIncomingCall("agent1", "+3510000001");
            first.awaitOutput("+3510000001");
            firstOutput = first.output();
        }
        // While the agent is stopped: a call rings, then the middleware itself restarts on the same address.
        cti.injectIncomingCall("agent1", "+3510000002");
        int port = Integer.parseInt(mw.baseUrl().substring(mw.baseUrl().lastIndexOf(':') + 1));
        JdbiEventStore stored = new JdbiEventStore(db.jdbi());
        Await.until(() -> stored.after(new Login("agent1"), 0, 1000).stream().anyMatch(e -> e.json().contains("+3510000002")),
                WAIT, "the second call was not stored before the restart");
        mw.close();
        mw = MiddlewareHarness.start(db, cti, Map.of("http.port", port));
        try (Follower second = new Follower("--json")) {
            second.awaitOutput("+3510000002");
            // No event of the first run again (the re-attach's Calls reply may name the first call: it is new).
            long lastShown = cursors(firstOutput).stream().mapToLong(Long::longValue).max().orElseThrow();
            List<Long> cursors = cursors(second.output());
            assertTrue(cursors.get(0) > lastShown, "nothing shown before (up to " + lastShown + ") again:\n"
                    + second.output());
            assertEquals(cursors.stream().distinct().sorted().toList(), cursors, "cursors in order, none repeated");
        }
    }
}
