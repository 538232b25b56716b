package io.ctimw.app.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.app.agent.testing.AgentRun;
import io.ctimw.app.agent.testing.Sessions;
import io.ctimw.app.agent.testing.StandInMiddleware;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each command carries a fresh Idempotency-Key; a command that got no answer is sent once more under it. */
class ControlRetryTest {
    @TempDir
    Path home;
    private StandInMiddleware standIn;

    @BeforeEach
    void start() throws Exception {
        standIn = new StandInMiddleware();
        Sessions.loggedIn(home, standIn, 0L);
        standIn.control = body -> new StandInMiddleware.Reply(200, "application/json",
                "{\"name\":\"Ok\",\"command\":\"" + body.path("name").asText() + "\",\"commandId\":\"0192f3a1b2c4\"}");
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void aCommandThatGotNoAnswerIsSentOnceMoreUnderTheSameKey() {
        standIn.dropControls.set(1);
        AgentRun agent = new AgentRun(home);

        assertEquals(0, agent.run("-a", standIn.address(), "call", "+3512345"), agent.err());

        List<StandInMiddleware.Recorded> sent = standIn.requestsTo("/api/v1/control");
        assertEquals(2, sent.size());
        String key = sent.get(0).header("Idempotency-Key");
        assertNotNull(key);
        assertEquals(key, sent.get(1).header("Idempotency-Key"), "the retry is the same command");
        assertTrue(agent.out().contains("ok (command 0192f3a1b2c4)"), agent.out());
    }

    @Test
    void onlyOneRetry() {
        standIn.dropControls.set(2);
        AgentRun agent = new AgentRun(home);

        assertNotEquals(0, agent.run("-a", standIn.address(), "hangup", "c1"));
        assertEquals(2, standIn.requestsTo("/api/v1/control").size());
    }

    @Test
    void everyCommandHasAKeyOfItsOwn() {
        AgentRun agent = new AgentRun(home);
        agent.run("-a", standIn.address(), "answer", "c1");
        agent.run("-a", standIn.address(), "answer", "c1");

        List<StandInMiddleware.Recorded> sent = standIn.requestsTo("/api/v1/control");
        assertEquals(2, sent.size(), "an answered command is not retried");
        assertNotEquals(sent.get(0).header("Idempotency-Key"), sent.get(1).header("Idempotency-Key"));
        assertTrue(sent.get(0).header("Idempotency-Key").matches("[\\x21-\\x7e]{1,128}"));
    }
}
