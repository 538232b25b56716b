package io.ctimw.app.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.app.agent.testing.AgentRun;
import io.ctimw.core.testing.RefusingPort;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Global options, address resolution and the process-level entry point. */
class CommandLineTest {
    /** Refuses connections for the whole class (held bound, never listening): no other process can take it. */
    private static final RefusingPort REFUSING = new RefusingPort();

    @TempDir
    Path home;

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        AgentRun agent = new AgentRun(home);

        assertEquals(0, agent.run("--help"));
        assertTrue(agent.out().contains("consult-transfer CID NUMBER"), agent.out());
        assertTrue(agent.out().contains("state STATE [--reason VALUE]"), agent.out());
        assertTrue(agent.out().contains("Exit codes:"), agent.out());
    }

    @Test
    void versionPrintsTheProjectVersion() {
        AgentRun agent = new AgentRun(home);

        assertEquals(0, agent.run("--version"));
        assertTrue(agent.out().startsWith("cti-agent "), agent.out());
    }

    @Test
    void unknownCommandIsAUsageErrorWithTheMainUsage() {
        AgentRun agent = new AgentRun(home);

        assertEquals(2, agent.run("-a", "http://127.0.0.1:1", "frobnicate"));
        assertTrue(agent.err().contains("frobnicate"), agent.err());
        assertTrue(agent.err().contains("Usage: cti-agent [-a URL]"), agent.err());
    }

    @Test
    void missingAddressIsAUsageError() {
        AgentRun agent = new AgentRun(home);

        assertEquals(2, agent.run("calls"));
        assertTrue(agent.err().contains("CTI_AGENT_ADDRESS"), agent.err());
    }

    @Test
    void addressMayComeFromTheEnvironment() throws Exception {
        int port = refusingPort();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AgentMain.run(new String[] {"login", "agent1", "--password-stdin"},
                new ByteArrayInputStream("pw\n".getBytes(StandardCharsets.UTF_8)), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("CTI_AGENT_ADDRESS", "http://127.0.0.1:" + port, "CTI_AGENT_HOME", home.toString()));

        assertEquals(3, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("http://127.0.0.1:" + port), err.toString());
    }

    @Test
    void malformedAddressIsAUsageError() {
        AgentRun agent = new AgentRun(home);

        assertEquals(2, agent.run("-a", "ftp://host", "calls"));
        assertTrue(agent.err().contains("not a middleware address"), agent.err());
    }

    @Test
    void unreachableMiddlewareExitsThreeNamingTheAddress() throws Exception {
        int port = refusingPort();
        AgentRun agent = new AgentRun(home, "pw\n");

        assertEquals(3, agent.run("-a", "http://127.0.0.1:" + port, "login", "agent1", "--password-stdin"));
        assertTrue(agent.err().contains("middleware unreachable at http://127.0.0.1:" + port), agent.err());
        assertFalse(agent.err().contains("\tat "), "no stack trace without --debug: " + agent.err());
    }

    @Test
    void debugShowsTheStackTrace() throws Exception {
        AgentRun agent = new AgentRun(home, "pw\n");

        assertEquals(3, agent.run("--debug", "-a", "http://127.0.0.1:" + refusingPort(), "login", "a", "--password-stdin"));
        assertTrue(agent.err().contains("\tat "), agent.err());
    }

    @Test
    void commandsNeedALogin() {
        AgentRun agent = new AgentRun(home);

        assertEquals(4, agent.run("-a", "http://127.0.0.1:1", "answer", "c1"));
        assertTrue(agent.err().contains("not logged in at http://127.0.0.1:1; run: cti-agent login LOGIN"), agent.err());
    }

    @Test
    void loginWithoutConsoleOrStdinSaysToUsePasswordStdin() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // AgentMain.run uses the real console source; under a test runner System.console() is null.
        int code = AgentMain.run(new String[] {"-a", "http://127.0.0.1:1", "login", "agent1"},
                new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("CTI_AGENT_HOME", home.toString()));

        if (System.console() == null) {
            assertEquals(2, code);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("--password-stdin"), err.toString());
        }
    }

    private static int refusingPort() {
        return REFUSING.port();
    }

    @AfterAll
    static void releasePort() throws Exception {
        REFUSING.close();
    }
}
