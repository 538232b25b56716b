package io.ctimw.app.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.app.agent.follow.FollowSettings;
import io.ctimw.app.agent.follow.Sleeper;
import io.ctimw.app.agent.run.AgentContext;
import io.ctimw.app.agent.testing.AgentRun;
import io.ctimw.app.agent.testing.Await;
import io.ctimw.app.agent.testing.Sessions;
import io.ctimw.app.agent.testing.StandInMiddleware;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14's rough edges: global options after the command, the shell's login, events/clear, closed pipes. */
class RoughEdgesTest {
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
    void aGlobalOptionAfterTheCommandWorksAsBeforeIt() {
        AgentRun agent = new AgentRun(home, StandInMiddleware.PASSWORD + "\n");

        assertEquals(0, agent.run("login", "agent1", "-a", standIn.address(), "--password-stdin"), agent.err());
        assertTrue(Sessions.stored(home, standIn).isPresent(), "logged in at the address given after the command");
    }

    @Test
    void theShellAsksForThePasswordLikeLoginAndAgainAfterAWrongOne() {
        AgentRun agent = new AgentRun(home, "agent1\nwrong-password\n" + StandInMiddleware.PASSWORD + "\nexit\n");

        assertEquals(0, agent.run("-a", standIn.address(), "shell"), agent.err());
        // JLine may redraw a masked prompt (escape sequences, carriage returns) depending on the terminal
        // it detects and how the input arrives: compare the text a person would read.
        String out = agent.out().replaceAll("\u001B\\[[;?\\d]*[A-Za-z]", "").replaceAll("[\r\u0000-\u0009\u000B-\u001F]", "");
        assertTrue(out.startsWith("Login: Password for agent1:"), out);
        int refused = out.indexOf("login refused");
        assertTrue(refused > 0, out);
        assertTrue(out.indexOf("Password for agent1: ", refused) > refused, "asked again: " + out);
        assertTrue(out.indexOf("logged in as agent1", refused) > refused, out);
        assertFalse(out.contains("wrong-password") || out.contains(StandInMiddleware.PASSWORD),
                "the password is not echoed: " + out);
    }

    @Test
    void eventsAndClearWorkInTheShell() throws Exception {
        Sessions.loggedIn(home, standIn, 0L);
        PipedOutputStream keyboard = new PipedOutputStream();
        AgentRun agent = new AgentRun(home, new PipedInputStream(keyboard));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> agent.run("-a", standIn.address(), "shell"));
        Await.until("the prompt", () -> agent.out().contains("agent1> "), agent::out);
        standIn.publish("{\"name\":\"NewCall\",\"cid\":7,\"state\":\"new\",\"direction\":\"in\",\"displayName\":\"Bob\"}");
        Await.until("the feed line", () -> agent.out().contains("cid=7"), agent::out);

        keyboard.write("clear\nevents\nquit\n".getBytes(StandardCharsets.UTF_8));
        keyboard.flush();

        assertEquals(0, exit.get(10, TimeUnit.SECONDS), agent.err());
        assertTrue(agent.out().contains("the last 1 events of this shell"), agent.out());
        assertEquals(2, count(agent.out(), "cid=7 state=new"), "shown live, then again by events: " + agent.out());
        assertFalse(agent.out().contains("clear:") || agent.out().contains("Expected a command"), agent.out());
    }

    @Test
    void eventsIntoAClosedPipeMarksOnlyTheWrittenEventsAsSeen() throws Exception {
        Sessions.loggedIn(home, standIn, 0L);
        for (int i = 1; i <= 3; i++) {
            standIn.publish("{\"name\":\"CallStatus\",\"cid\":" + i + ",\"state\":\"connected\"}");
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AgentContext ctx = AgentContext.standard(new ByteArrayInputStream(new byte[0]),
                        new PrintStream(new ClosesAfterOneLine(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(AgentContext.HOME_VARIABLE, home.toString()))
                .withZone(ZoneOffset.UTC)
                .withFollow(new FollowSettings(1, 100, Duration.ofMillis(20), Duration.ofMillis(100)), Sleeper.real());

        int code = new Agent(ctx).run("-a", standIn.address(), "events", "--json");

        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8), "a closed pipe is not an error to report");
        assertEquals(1L, Sessions.stored(home, standIn).orElseThrow().cursor(),
                "only the event that was written counts as seen; the next run starts at the second");
    }

    /** Like `head -1`: takes one line, then the pipe is gone. */
    private static final class ClosesAfterOneLine extends OutputStream {
        private boolean lineDone;

        @Override
        public void write(int b) throws IOException {
            if (lineDone) {
                throw new IOException("Broken pipe");
            }
            lineDone = b == '\n';
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
