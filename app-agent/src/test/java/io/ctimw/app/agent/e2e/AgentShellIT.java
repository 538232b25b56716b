package io.ctimw.app.agent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.adapters.postgres.testing.TestDatabase;
import io.ctimw.app.middleware.testing.MiddlewareHarness;
import io.ctimw.core.testing.Await;
import io.ctimw.simulator.CtiSimulator;
import io.ctimw.simulator.ReceivedCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive mode in a real terminal: the shaded cti-agent.jar runs inside tmux, a person's
 * keystrokes are sent with send-keys and the screen is read back with capture-pane. Runs after
 * {@code package} (failsafe), against the real middleware, simulator and PostgreSQL.
 */
class AgentShellIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path home;

    private final String socket = "ctiagent-it-" + UUID.randomUUID().toString().substring(0, 8);
    private TestDatabase db;
    private CtiSimulator cti;
    private MiddlewareHarness mw;

    @BeforeEach
    void start() {
        db = TestDatabase.create();
        cti = CtiSimulator.builder().operators("agent1").build().start();
        mw = MiddlewareHarness.start(db, cti).withAgents("agent1");
    }

    @AfterEach
    void stop() throws Exception {
        tmux("kill-server");
        mw.close();
        cti.close();
        db.close();
    }

    @Test
    void anOperatorLogsInSeesACallRingAndAnswersItWithTabCompletion() throws Exception {
        Path jar = Path.of("target", "cti-agent.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "run after package: " + jar);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int started = tmux("new-session", "-d", "-s", "agent", "-x", "160", "-y", "40",
                "env", "CTI_AGENT_HOME=" + home, "TERM=xterm-256color", java, "-jar", jar.toString(),
                "-a", mw.baseUrl(), "shell");
        assertEquals(0, started, "tmux could not start (is tmux installed? .ci/run installs it)");

        awaitScreen("Login:");
        keys("agent1", "Enter");
        awaitScreen("Password for agent1:"); // the words of `cti-agent login`
        keys("not-the-password", "Enter");
        awaitScreen("login refused");
        keys(MiddlewareHarness.PASSWORD, "Enter"); // asked again, not ended
        awaitScreen("agent1>");
        assertFalse(screen().contains(MiddlewareHarness.PASSWORD) || screen().contains("not-the-password")
                || screen().contains("*****"), "the password must not be echoed, not even as stars");
        cti.awaitAttached("agent1", WAIT);

        cti.injectIncomingCall("agent1", "+3517770001");
        awaitScreen("+3517770001"); // the live feed prints above the prompt, unasked

        keys("ans", "Tab");
        awaitScreen("agent1> answer");
        keys("Tab"); // completes the one current cid from the live feed
        Matcher typed = Pattern.compile("agent1> answer (\\S+)").matcher("");
        Await.until(() -> typed.reset(screen()).find(), WAIT, "the cid was not completed:\n" + screen());
        keys("Enter");
        ReceivedCommand answer = cti.awaitCommand(c -> c.is("Answer"), WAIT);
        assertEquals("agent1", answer.login());

        keys("calls", "Enter");
        awaitScreen("connected");

        keys("h", "Tab", "Tab"); // several candidates: listed, and the line stays as typed
        keys("elp", "Enter");
        awaitScreen("show the last events of this shell again"); // `help` ran: no menu took "elp"

        String longCaller = "+351777" + "0".repeat(200);
        cti.injectIncomingCall("agent1", longCaller);
        awaitScreen("+351777000000");
        assertTrue(screen().lines().anyMatch(l -> l.contains("+351777000") && (l.endsWith("…") || l.endsWith("..."))),
                "a feed line wider than the terminal is cut:\n" + screen());
        assertFalse(screen().contains("00000 (+"), "the cut line did not wrap onto the next one:\n" + screen());

        keys("quit", "Enter");
        Await.until(() -> tmuxQuiet("has-session", "-t", "agent") != 0, WAIT, "the shell did not exit:\n" + screen());
        assertTrue(Files.readString(home.resolve("history"), StandardCharsets.UTF_8).contains("calls"),
                "history is kept");
    }

    private void keys(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "agent"));
        args.addAll(List.of(keys));
        assertEquals(0, tmux(args.toArray(String[]::new)));
    }

    private String screen() {
        try {
            Process p = new ProcessBuilder("tmux", "-L", socket, "capture-pane", "-p", "-t", "agent")
                    .redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(5, TimeUnit.SECONDS);
            return text;
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    private void awaitScreen(String text) {
        try {
            Await.until(() -> screen().contains(text), WAIT, "screen never showed '" + text + "'");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the screen:\n" + screen(), e);
        }
    }

    private int tmux(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    private int tmuxQuiet(String... args) {
        try {
            return tmux(args);
        } catch (Exception e) {
            return -1;
        }
    }
}
