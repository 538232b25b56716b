package io.ctimw.app.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ctimw.app.agent.cli.CommandDef;
import io.ctimw.app.agent.cli.CommandTable;
import io.ctimw.app.agent.testing.AgentRun;
import io.ctimw.app.agent.testing.Sessions;
import io.ctimw.app.agent.testing.StandInMiddleware;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every call-control subcommand, run through the real CLI against the stand-in: the body that arrives. */
class ControlCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of(List.of("answer", "c1"), "{\"name\":\"Answer\",\"cid\":\"c1\"}"),
                Arguments.of(List.of("answer", "42"), "{\"name\":\"Answer\",\"cid\":42}"),
                Arguments.of(List.of("answer", "007"), "{\"name\":\"Answer\",\"cid\":\"007\"}"),
                Arguments.of(List.of("hangup", "c1"), "{\"name\":\"Hangup\",\"cid\":\"c1\"}"),
                Arguments.of(List.of("hold", "7"), "{\"name\":\"Hold\",\"cid\":7,\"on\":true}"),
                Arguments.of(List.of("unhold", "c1"), "{\"name\":\"Hold\",\"cid\":\"c1\",\"on\":false}"),
                Arguments.of(List.of("mute", "c1"), "{\"name\":\"Mute\",\"cid\":\"c1\",\"on\":true}"),
                Arguments.of(List.of("unmute", "c1"), "{\"name\":\"Mute\",\"cid\":\"c1\",\"on\":false}"),
                Arguments.of(List.of("close", "c1"), "{\"name\":\"Close\",\"cid\":\"c1\"}"),
                Arguments.of(List.of("call", "+3512345"), "{\"name\":\"MakeCall\",\"phoneNumber\":\"+3512345\"}"),
                Arguments.of(List.of("call", "100"), "{\"name\":\"MakeCall\",\"phoneNumber\":\"100\"}"),
                Arguments.of(List.of("transfer", "c1", "200"),
                        "{\"name\":\"Transfer\",\"cid\":\"c1\",\"phoneNumber\":\"200\"}"),
                Arguments.of(List.of("consult-transfer", "3", "200"),
                        "{\"name\":\"ConsultationTransfer\",\"cid\":3,\"phoneNumber\":\"200\"}"),
                Arguments.of(List.of("conference-transfer", "c1", "200"),
                        "{\"name\":\"ConferenceTransfer\",\"cid\":\"c1\",\"phoneNumber\":\"200\"}"),
                Arguments.of(List.of("callback-transfer", "c1", "sip:bob@x"),
                        "{\"name\":\"TransferWithCallBack\",\"cid\":\"c1\",\"phoneNumber\":\"sip:bob@x\"}"),
                Arguments.of(List.of("break-transfer", "c1"), "{\"name\":\"BreakTransfer\",\"cid\":\"c1\"}"),
                Arguments.of(List.of("finish-conference", "c1"), "{\"name\":\"FinishConferenceTransfer\",\"cid\":\"c1\"}"),
                Arguments.of(List.of("dtmf", "c1", "12*#"), "{\"name\":\"SendDTMFSignal\",\"cid\":\"c1\",\"DTMFString\":\"12*#\"}"),
                Arguments.of(List.of("set-active", "c1"), "{\"name\":\"SetActive\",\"cid\":\"c1\"}"),
                Arguments.of(List.of("set-param", "c1", "note", "VIP caller"),
                        "{\"name\":\"SetCallParam\",\"cid\":\"c1\",\"paramName\":\"note\",\"paramValue\":\"VIP caller\"}"),
                Arguments.of(List.of("state", "away"), "{\"name\":\"ChangeUserState\",\"state\":\"away\"}"),
                Arguments.of(List.of("state", "away", "--reason", "Dinner"),
                        "{\"name\":\"ChangeUserState\",\"state\":\"away\",\"reason\":\"Dinner\"}"),
                Arguments.of(List.of("state", "--reason", "Dinner", "away"),
                        "{\"name\":\"ChangeUserState\",\"state\":\"away\",\"reason\":\"Dinner\"}"),
                Arguments.of(List.of("calls"), "{\"name\":\"GetCalls\"}"),
                Arguments.of(List.of("user-state"), "{\"name\":\"GetUserState\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void sendsTheControlBody(List<String> args, String expectedBody) throws Exception {
        AgentRun agent = new AgentRun(home);
        List<String> line = new ArrayList<>(List.of("-a", standIn.address()));
        line.addAll(args);

        int code = agent.run(line.toArray(String[]::new));

        assertEquals(0, code, agent.err());
        List<StandInMiddleware.Recorded> sent = standIn.requestsTo("/api/v1/control");
        assertEquals(1, sent.size());
        assertEquals(JSON.readTree(expectedBody), sent.get(0).json());
        assertEquals("Bearer tok-agent1", sent.get(0).header("Authorization"));
    }

    @Test
    void everyControlCommandOfTheTableIsCovered() {
        List<String> tested = commands().map(a -> ((List<?>) a.get()[0]).get(0).toString()).distinct().toList();
        CommandTable.all().stream().filter(d -> d.action() instanceof io.ctimw.app.agent.cli.Action.Control)
                .forEach(d -> assertTrue(tested.contains(d.name()), d.name() + " has no body test"));
    }

    static Stream<CommandDef> everyCommandWithArguments() {
        // state without STATE is the snapshot (StateCommandTest), not a missing argument
        return CommandTable.all().stream().filter(d -> !d.args().isEmpty() && d != stateChange());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandWithArguments")
    void missingArgumentIsAUsageError(CommandDef def) {
        AgentRun agent = new AgentRun(home);
        List<String> line = new ArrayList<>(List.of("-a", standIn.address(), def.name()));
        line.addAll(Collections.nCopies(def.args().size() - 1, "x"));

        assertEquals(2, agent.run(line.toArray(String[]::new)));
        assertTrue(agent.err().contains(def.name() + ": missing " + def.args().get(def.args().size() - 1).placeholder()),
                agent.err());
        assertTrue(agent.err().contains("Usage: cti-agent [-a URL] " + def.synopsis()), agent.err());
        assertTrue(standIn.requestsTo("/api/v1/control").isEmpty());
    }

    private static CommandDef stateChange() {
        return CommandTable.find("state").orElseThrow();
    }

    static Stream<CommandDef> everyCommand() {
        return CommandTable.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommand")
    void extraArgumentIsAUsageError(CommandDef def) {
        AgentRun agent = new AgentRun(home);
        List<String> line = new ArrayList<>(List.of("-a", standIn.address(), def.name()));
        line.addAll(Collections.nCopies(def.args().size() + 1, "x"));

        assertEquals(2, agent.run(line.toArray(String[]::new)));
        assertTrue(agent.err().contains("unexpected argument 'x'"), agent.err());
        assertTrue(agent.err().contains("Usage: cti-agent [-a URL] " + def.synopsis()), agent.err());
        assertTrue(standIn.requests.isEmpty());
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("everyCommand")
    void everyCommandHasHelp(CommandDef def) {
        AgentRun agent = new AgentRun(home);

        assertEquals(0, agent.run(def.name(), "--help"));
        assertTrue(agent.out().startsWith("Usage: cti-agent [-a URL] " + def.synopsis()), agent.out());
        assertTrue(agent.out().contains(def.summary()));
    }

    @Test
    void unknownOptionIsAUsageError() {
        AgentRun agent = new AgentRun(home);

        assertEquals(2, agent.run("-a", standIn.address(), "answer", "c1", "--reason", "x"));
        assertTrue(agent.err().contains("Usage: cti-agent [-a URL] answer CID"), agent.err());
    }
}
