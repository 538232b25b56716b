package io.ctimw.app.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line without a database: help per level, --version, and mistakes named with a suggestion. */
class CommandLineTest {
    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MiddlewareMain.run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of());
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpIsAShortOverviewPointingToTheUsersCommands() {
        Run r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("Usage: cti-middleware [serve] [--config FILE]"), r.out());
        assertTrue(r.out().contains("'cti-middleware users --help'"), r.out());
        assertFalse(r.out().contains("--login"), "the overview leaves the account options to users --help: " + r.out());
        assertTrue(r.out().lines().count() < 15, r.out());
    }

    @Test
    void usersHelpListsTheAccountCommandsAndOnlyItsOwnOptions() {
        Run r = run("users", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("Usage: cti-middleware users COMMAND [--config FILE]"), r.out());
        for (String command : new String[] {"add", "passwd", "disable", "enable", "set-role", "list"}) {
            assertTrue(r.out().contains("\n  " + command + " "), command + " listed: " + r.out());
        }
        assertFalse(r.out().contains("--login"), r.out());
        assertFalse(r.out().contains("--version"), r.out());
    }

    @Test
    void usersAddHelpShowsPlaceholdersAndWhatIsRequired() {
        Run r = run("users", "add", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("Usage: cti-middleware users add --login LOGIN --password-stdin [--config FILE] [--role ROLE]\n"),
                r.out());
        assertTrue(r.out().matches("(?s).*\\n  --login LOGIN +required .*"), r.out());
        assertTrue(r.out().matches("(?s).*\\n  --password-stdin +required .*only way.*"), r.out());
        assertTrue(r.out().matches("(?s).*\\n  --config FILE {10,}HOCON.*"), "--config is not required: " + r.out());
        assertTrue(r.out().matches("(?s).*\\n  --role ROLE +agent .* or admin .*"), r.out());
        assertFalse(r.out().contains("Commands:"), r.out());
    }

    @Test
    void usersWithoutACommandShowsTheUsersHelpAsAUsageError() {
        Run r = run("users");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("Usage: cti-middleware users COMMAND"), r.err());
    }

    @Test
    void versionPrintsTheVersionAndTheCommit() {
        Run r = run("--version");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().strip().matches("cti-middleware \\d+\\.\\d+\\.\\d+\\S* \\(commit ([0-9a-f]{7,}|unknown)\\)"),
                r.out());
    }

    @Test
    void aMistypedOptionIsNamedWithTheNearestValidOne() {
        Run r = run("users", "add", "--logn", "agent1", "--password-stdin");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("cti-middleware: unknown option --logn for cti-middleware users add;"
                + " did you mean --login?"), r.err());
        assertTrue(r.err().contains("Run 'cti-middleware users add --help'"), r.err());
    }

    @Test
    void aMistypedCommandIsNamedWithTheNearestValidOne() {
        Run r = run("users", "dissable", "--login", "agent1");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("cti-middleware: unknown command 'dissable' for cti-middleware users;"
                + " did you mean disable?"), r.err());
    }

    @Test
    void anOptionOfAnotherLevelIsNotTakenForOneOfThisLevel() {
        Run r = run("users", "list", "--login", "agent1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown option --login for cti-middleware users list"), r.err());
    }

    @Test
    void aMissingRequiredOptionIsNamed() {
        Run r = run("users", "disable");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--login"), r.err());
    }
}
