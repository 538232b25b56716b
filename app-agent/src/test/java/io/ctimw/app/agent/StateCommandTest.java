package io.ctimw.app.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.app.agent.testing.AgentRun;
import io.ctimw.app.agent.testing.Sessions;
import io.ctimw.app.agent.testing.StandInMiddleware;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cti-agent state}: without STATE it prints the snapshot (a table, or the JSON); with STATE it changes it. */
class StateCommandTest {
    private static final String SNAPSHOT = "{\"cursor\":42,\"userState\":{\"state\":\"normal\",\"substates\":[\"speaking\"]},"
            + "\"calls\":[{\"cid\":7,\"state\":\"connected\",\"direction\":\"in\",\"hold\":true,\"muted\":false,"
            + "\"displayName\":\"Ann\"}],\"phone\":\"available\"}";

    @TempDir
    Path home;
    private StandInMiddleware standIn;

    @BeforeEach
    void start() throws Exception {
        standIn = new StandInMiddleware();
        standIn.state = SNAPSHOT;
        Sessions.loggedIn(home, standIn, 0L);
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void stateAlonePrintsCursorPhoneOperatorStateAndTheCallsTable() {
        AgentRun agent = new AgentRun(home);

        assertEquals(0, agent.run("-a", standIn.address(), "state"), agent.err());

        String[] lines = agent.out().split("\n");
        assertEquals("as of cursor 42, phone available", lines[0]);
        assertEquals("state: normal (speaking)", lines[1]);
        assertTrue(lines[2].startsWith("CID"), agent.out());
        assertTrue(lines[3].startsWith("7 ") && lines[3].contains("connected"), agent.out());
        assertEquals(1, standIn.requestsTo("/api/v1/state").size());
        assertTrue(standIn.requestsTo("/api/v1/control").isEmpty(), "reading is not a command");
    }

    @Test
    void jsonPrintsTheMiddlewaresSnapshotAsIs() throws Exception {
        AgentRun agent = new AgentRun(home);

        assertEquals(0, agent.run("-a", standIn.address(), "state", "--json"), agent.err());

        assertEquals(new com.fasterxml.jackson.databind.ObjectMapper().readTree(SNAPSHOT),
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(agent.out()));
    }

    @Test
    void aLoginWithNothingKnownYetSaysSo() {
        standIn.state = "{\"cursor\":0,\"userState\":null,\"calls\":[],\"phone\":\"unavailable\"}";
        AgentRun agent = new AgentRun(home);

        assertEquals(0, agent.run("-a", standIn.address(), "state"), agent.err());

        assertEquals("as of cursor 0, phone unavailable\nstate: not known yet\nno calls\n", agent.out());
    }

    @Test
    void aReasonWithoutAStateIsAUsageErrorNotASnapshot() {
        AgentRun agent = new AgentRun(home);

        assertEquals(2, agent.run("-a", standIn.address(), "state", "--reason", "Dinner"));
        assertTrue(agent.err().contains("state: missing STATE"), agent.err());
        assertTrue(standIn.requestsTo("/api/v1/state").isEmpty() && standIn.requestsTo("/api/v1/control").isEmpty());
    }

    @Test
    void theHelpListsBothUsesOfState() {
        AgentRun agent = new AgentRun(home);

        assertEquals(0, agent.run("--help"));
        assertTrue(agent.out().contains("state STATE [--reason VALUE]"), agent.out());
        assertTrue(agent.out().contains("state    ") && agent.out().contains("(--json: as JSON)"), agent.out());
    }

    @Test
    void stateWithAValueStillChangesTheOperatorState() throws Exception {
        AgentRun agent = new AgentRun(home);

        assertEquals(0, agent.run("-a", standIn.address(), "state", "away", "--reason", "Dinner"), agent.err());

        assertEquals("{\"name\":\"ChangeUserState\",\"state\":\"away\",\"reason\":\"Dinner\"}",
                standIn.requestsTo("/api/v1/control").get(0).body());
        assertTrue(standIn.requestsTo("/api/v1/state").isEmpty());
    }
}
