package io.ctimw.app.agent.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ctimw.app.agent.session.Addresses;
import io.ctimw.app.agent.session.Session;
import io.ctimw.app.agent.session.SessionFile;
import java.nio.file.Path;
import java.util.Optional;

/** Puts a session in an agent home as if `login` had run, and reads it back. */
public final class Sessions {
    private Sessions() {
    }

    public static SessionFile file(Path home) {
        return new SessionFile(home, new ObjectMapper());
    }

    public static void loggedIn(Path home, StandInMiddleware standIn, Long cursor) {
        standIn.tokens.add("tok-agent1");
        String address = Addresses.parse(standIn.address()).orElseThrow().toString();
        file(home).save(new Session(address, "agent1", "tok-agent1", "2026-11-22T10:00:00Z", cursor));
    }

    public static Optional<Session> stored(Path home, StandInMiddleware standIn) {
        return file(home).load(Addresses.parse(standIn.address()).orElseThrow());
    }
}
