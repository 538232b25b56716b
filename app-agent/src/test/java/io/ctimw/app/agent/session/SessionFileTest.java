package io.ctimw.app.agent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionFileTest {
    @TempDir
    Path tmp;

    private static URI address(String text) {
        return Addresses.parse(text).orElseThrow();
    }

    @Test
    void sessionFileIsOwnerOnlyInAnOwnerOnlyDirectory() throws Exception {
        Path home = tmp.resolve("agent-home");
        SessionFile sessions = new SessionFile(home, new ObjectMapper());
        URI a = address("http://mw1:8080");

        sessions.save(new Session(a.toString(), "agent1", "t1", null, 5L));

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sessions.fileFor(a))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("sessions"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home)));
        try (var files = Files.list(home.resolve("sessions"))) {
            assertEquals(1, files.count(), "no temp files left behind");
        }
    }

    @Test
    void twoMiddlewaresKeepTwoSessions() {
        SessionFile sessions = new SessionFile(tmp, new ObjectMapper());
        URI one = address("http://mw1:8080");
        URI two = address("http://mw2:8080");

        sessions.save(new Session(one.toString(), "agent1", "t1", null, 5L));
        sessions.save(new Session(two.toString(), "agent2", "t2", null, null));

        assertNotEquals(sessions.fileFor(one), sessions.fileFor(two));
        assertEquals("t1", sessions.load(one).orElseThrow().token());
        assertEquals("t2", sessions.load(two).orElseThrow().token());
        sessions.delete(one);
        assertTrue(sessions.load(one).isEmpty());
        assertEquals("agent2", sessions.load(two).orElseThrow().login());
    }

    @Test
    void spellingsOfOneAddressShareASession() {
        SessionFile sessions = new SessionFile(tmp, new ObjectMapper());
        sessions.save(new Session(address("http://mw1:8080").toString(), "agent1", "t1", null, 9L));

        assertEquals(9L, sessions.load(address("HTTP://MW1:8080/")).orElseThrow().cursor());
        assertTrue(sessions.load(address("http://mw1:8081")).isEmpty());
    }

    @Test
    void cursorUpdatesReplaceTheFile() {
        SessionFile sessions = new SessionFile(tmp, new ObjectMapper());
        URI a = address("http://mw1:8080");
        Session s = new Session(a.toString(), "agent1", "t1", null, 1L);
        sessions.save(s);
        sessions.save(s.withCursor(42));

        assertEquals(42L, sessions.load(a).orElseThrow().cursor());
    }

    @Test
    void toStringNeverShowsTheToken() {
        assertTrue(!new Session("http://x", "agent1", "secret-token", null, 1L).toString().contains("secret-token"));
    }
}
