package io.ctimw.app.agent.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ctimw.app.agent.cli.CommandTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellCompleterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final KnownCalls calls = new KnownCalls();
    private final ShellCompleter completer = new ShellCompleter(calls);

    @Test
    void firstWordCompletesShellCommandNames() {
        List<String> names = completer.suggestions(List.of(""), 0);

        assertTrue(names.containsAll(List.of("answer", "consult-transfer", "calls", "help", "quit", "exit")), names.toString());
        assertFalse(names.contains("login"), "login is not a shell command");
    }

    @Test
    void cidArgumentsCompleteFromTheLiveFeed() throws Exception {
        calls.observe(JSON.readTree("{\"name\":\"NewCall\",\"cid\":\"c1\",\"state\":\"new\"}"));
        calls.observe(JSON.readTree("{\"name\":\"NewCall\",\"cid\":2,\"state\":\"new\"}"));
        calls.observe(JSON.readTree("{\"name\":\"OnClose\",\"cid\":\"c1\"}"));

        assertEquals(List.of("2"), completer.suggestions(List.of("answer", ""), 1));
        assertEquals(List.of("2"), completer.suggestions(List.of("transfer", "", "100"), 1));
        assertEquals(List.of(), completer.suggestions(List.of("transfer", "2", ""), 2));
    }

    @Test
    void callsReplyReplacesTheKnownCalls() throws Exception {
        calls.observe(JSON.readTree("{\"name\":\"NewCall\",\"cid\":\"old\"}"));
        calls.observe(JSON.readTree("{\"name\":\"Calls\",\"calls\":[{\"cid\":\"a\"},{\"cid\":\"b\"}]}"));

        assertEquals(List.of("a", "b"), calls.cids());
    }

    @Test
    void stateArgumentCompletesCommonStates() {
        assertEquals(CommandTable.COMMON_STATES, completer.suggestions(List.of("state", ""), 1));
    }

    @Test
    void longLinesAreCutToTheTerminalWidth() {
        assertEquals("abcdefghi…", ReaderPrinter.fit("abcdefghijklmnop", 10, "…"));
        assertEquals("abcdefg...", ReaderPrinter.fit("abcdefghijklmnop", 10, "..."));
        assertEquals("abcdefghij", ReaderPrinter.fit("abcdefghij", 10, "…"));
        assertEquals("abcdefghijklmnop", ReaderPrinter.fit("abcdefghijklmnop", 0, "…"), "unknown width: nothing cut");
    }

    @Test
    void tabNeverEntersAMenuThatWouldTakeTheNextTypedWord() throws Exception {
        try (org.jline.terminal.Terminal t = new org.jline.terminal.impl.DumbTerminal(
                new java.io.ByteArrayInputStream(new byte[0]), new java.io.ByteArrayOutputStream())) {
            org.jline.reader.LineReader reader = AgentShell.reader(t, new KnownCalls(), java.nio.file.Path.of("unused"));
            assertFalse(reader.isSet(org.jline.reader.LineReader.Option.AUTO_MENU));
            assertFalse(reader.isSet(org.jline.reader.LineReader.Option.MENU_COMPLETE));
        }
    }
}
