package io.ctimw.app.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.app.agent.testing.AgentRun;
import io.ctimw.app.agent.testing.Await;
import io.ctimw.app.agent.testing.Sessions;
import io.ctimw.app.agent.testing.StandInMiddleware;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interactive shell on a dumb terminal fed from a script: commands run, the feed prints, history is kept. */
class ShellTest {
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
    void runsCommandsWhileTheFeedPrints() throws Exception {
        Sessions.loggedIn(home, standIn, 0L);
        PipedOutputStream keyboard = new PipedOutputStream();
        AgentRun agent = new AgentRun(home, new PipedInputStream(keyboard));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> agent.run("-a", standIn.address(), "shell"));
        Await.until("the prompt", () -> agent.out().contains("agent1> "), agent::out);

        standIn.publish("{\"name\":\"NewCall\",\"cid\":7,\"state\":\"new\",\"direction\":\"in\",\"displayName\":\"Bob\"}");
        Await.until("the feed line", () -> agent.out().contains("NewCall              cid=7 state=new dir=in Bob"), agent::out);
        keyboard.write("answer 7\nanswer\nquit\n".getBytes(StandardCharsets.UTF_8));
        keyboard.flush();

        assertEquals(0, exit.get(10, TimeUnit.SECONDS), agent.err());
        assertEquals("{\"name\":\"Answer\",\"cid\":7}", standIn.requestsTo("/api/v1/control").get(0).body());
        assertTrue(agent.out().contains("ok"), agent.out());
        assertTrue(agent.out().contains("answer: missing CID"), agent.out());
        assertTrue(Files.readString(home.resolve("history")).contains("answer 7"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("history"))));
        assertEquals(1L, Sessions.stored(home, standIn).orElseThrow().cursor(), "the shell's feed stores the cursor too");
    }

    @Test
    void noCommandAtAllStartsTheShellAndPromptsForLogin() throws Exception {
        AgentRun agent = new AgentRun(home, "agent1\n" + StandInMiddleware.PASSWORD + "\nhelp\nexit\n");

        assertEquals(0, agent.run("-a", standIn.address()), agent.err());

        assertTrue(agent.out().contains("logged in as agent1"), agent.out());
        assertTrue(agent.out().contains("quit, exit"), agent.out());
        assertTrue(Sessions.stored(home, standIn).isPresent());
        assertTrue(!Files.readString(home.resolve("history")).contains(StandInMiddleware.PASSWORD), "password kept out of history");
    }

    @Test
    void logoutInTheShellEndsIt() throws Exception {
        Sessions.loggedIn(home, standIn, 0L);
        AgentRun agent = new AgentRun(home, "logout\ncalls\n");

        assertEquals(0, agent.run("-a", standIn.address(), "shell"), agent.err());
        assertTrue(standIn.requestsTo("/api/v1/control").isEmpty(), "nothing runs after logout");
        assertTrue(Sessions.stored(home, standIn).isEmpty());
    }
}
