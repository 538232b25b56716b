package io.ctimw.app.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.adapters.postgres.testing.TestDatabase;
import io.ctimw.core.testing.RefusingPort;
import io.ctimw.simulator.CtiSimulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's command line: user administration, and start-up failures as one clear line. */
class MiddlewareMainTest {
    private static TestDatabase db;

    @TempDir
    Path dir;

    @BeforeAll
    static void database() {
        db = TestDatabase.create();
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private record Run(int code, String out, String err) {}

    private Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MiddlewareMain.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of());
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String config(String extra) throws Exception {
        Path file = dir.resolve("test.conf");
        Files.writeString(file, "db.url = \"" + db.jdbcUrl() + "\"\ndb.user = \"" + db.user() + "\"\ndb.password = \""
                + db.password() + "\"\nsecurity.bcrypt-cost = 4\nevents.intake.dir = \"" + dir.resolve("intake") + "\"\n"
                + extra);
        return file.toString();
    }

    @Test
    void usersCanBeAddedListedDisabledAndReKeyed() throws Exception {
        String conf = config("");
        Run add = run("first-password\n", "users", "add", "--login", "op1", "--password-stdin", "--config", conf);
        assertEquals(0, add.code(), add.err());
        assertTrue(add.out().contains("added op1"));
        Run again = run("first-password\n", "users", "add", "--login", "op1", "--password-stdin", "--config", conf);
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already exists"), again.err());
        assertEquals(0, run("", "users", "disable", "--login", "op1", "--config", conf).code());
        Run list = run("", "users", "list", "--config", conf);
        assertTrue(list.out().matches("(?s).*op1\\s+agent\\s+DISABLED.*grants \\[control:\\*, events\\].*"), list.out());
        assertEquals(0, run("second-password\n", "users", "passwd", "--login", "op1", "--password-stdin", "--config", conf).code());
        assertEquals(1, run("", "users", "enable", "--login", "nobody", "--config", conf).code());
    }

    @Test
    void anAdministratorIsAddedWithNoAgentGrantsAndRolesCanChange() throws Exception {
        String conf = config("users.default-grants = [\"events\", \"control:Answer\"]\n");
        Run admin = run("first-password\n", "users", "add", "--login", "root", "--role", "admin", "--password-stdin",
                "--config", conf);
        assertEquals(0, admin.code(), admin.err());
        assertTrue(admin.out().contains("added root (admin, grants [])"), admin.out());
        Run agent = run("first-password\n", "users", "add", "--login", "op3", "--password-stdin", "--config", conf);
        assertTrue(agent.out().contains("added op3 (agent, grants [control:Answer, events])"), agent.out());
        assertEquals(0, run("", "users", "set-role", "--login", "op3", "--role", "admin", "--config", conf).code());
        assertTrue(run("", "users", "list", "--config", conf).out().matches("(?s).*op3\\s+admin\\s+enabled.*"));
        Run bad = run("", "users", "set-role", "--login", "op3", "--role", "root", "--config", conf);
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("role must be agent or admin"), bad.err());
        Run badGrant = run("first-password\n", "users", "add", "--login", "op4", "--password-stdin", "--config",
                config("users.default-grants = [\"control:Fly\"]\n"));
        assertTrue(badGrant.code() != 0 && badGrant.err().contains("control:Fly"), badGrant.err());
    }

    @Test
    void passwordsAreNeverTakenFromTheCommandLineAndMustBeLongEnough() throws Exception {
        String conf = config("");
        Run noStdin = run("", "users", "add", "--login", "op2", "--config", conf);
        assertEquals(2, noStdin.code());
        assertTrue(noStdin.err().contains("--password-stdin"));
        Run weak = run("short\n", "users", "add", "--login", "op2", "--password-stdin", "--config", conf);
        assertEquals(2, weak.code());
        assertTrue(weak.err().contains("at least"), weak.err());
        Run badLogin = run("long-enough-pw\n", "users", "add", "--login", "bad login", "--password-stdin", "--config", conf);
        assertEquals(2, badLogin.code());
    }

    @Test
    void aBadSettingFailsFastWithOneLineNamingIt() throws Exception {
        Run r = run("", "--config", config("http.port = 70000\n"));
        assertEquals(1, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("http.port"), r.err());
    }

    @Test
    void aMissingConfigFileOrUnknownOptionIsReported() {
        Run missing = run("", "--config", dir.resolve("nope.conf").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("nope.conf"), missing.err());
        Run unknown = run("", "--frobnicate");
        assertEquals(2, unknown.code());
    }

    @Test
    void anUnreachableDatabaseFailsFastWithOneLine() throws Exception {
        Run r;
        try (RefusingPort closed = new RefusingPort()) {
            Path file = dir.resolve("down.conf");
            Files.writeString(file, "db.url = \"jdbc:postgresql://127.0.0.1:" + closed.port() + "/x\"\n");
            r = run("", "users", "list", "--config", file.toString());
        }
        assertEquals(1, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("cannot reach PostgreSQL"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void aTakenHttpPortFailsWithOneLineBeforeTouchingTheDatabaseOrTheCti() throws Exception {
        Path dataDir = dir.resolve("postgres");
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             CtiSimulator cti = CtiSimulator.builder().operators("agent1").build().start()) {
            Path file = dir.resolve("second.conf");
            Files.writeString(file, "http.port = " + taken.getLocalPort() + "\ncti.url = \"" + cti.url()
                    + "\"\ndb.embedded { dir = \"" + dataDir + "\", fsync = false }\n");
            Run r = run("", "--config", file.toString());
            assertEquals(1, r.code());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), r.err());
            assertEquals(0, cti.connectionCount(), "no connection to the CTI");
            assertEquals(List.of(), cti.receivedCommands());
            assertFalse(Files.exists(dataDir), "no database started");
        }
    }

    @Test
    void anUnknownSettingStopsTheStartWithOneLineNamingItAndTheNearestKnownName() throws Exception {
        Path dataDir = dir.resolve("postgres");
        Path file = dir.resolve("typo.conf");
        Files.writeString(file, "db.embedded.dir = \"" + dataDir + "\"\nhttp {\n  prot = 18081\n}\n");
        Run r = run("", "--config", file.toString());
        assertEquals(1, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("typo.conf: 3: unknown setting http.prot (did you mean http.port?)"), r.err());
        assertFalse(Files.exists(dataDir), "nothing started");
    }

    @Test
    void helpPrintsUsage() {
        Run r = run("", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("users"));
    }
}
