package io.ctimw.app.middleware.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ctimw.app.middleware.MiddlewareMain;
import io.ctimw.simulator.CtiSimulator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** What the tests running the middleware as its own JVM share: its config, its agent, its backlog. */
public final class ChildSetup {
    private ChildSetup() {
    }

    /**
     * Writes {@code dir/mw.conf} (random HTTP port, {@code cti}, embedded PostgreSQL in {@code dataDir}
     * without fsync, plus {@code extra}) and adds agent1 with the harness password through the admin command.
     */
    public static Path configWithAgent1(Path dir, CtiSimulator cti, Path dataDir, String extra) throws IOException {
        Path conf = dir.resolve("mw.conf");
        Files.writeString(conf, "http.port = 0\ncti.url = \"" + cti.url() + "\"\nsecurity.bcrypt-cost = 4\n"
                + "db.embedded { dir = \"" + dataDir + "\", fsync = false }\n" + extra);
        String[] args = {"users", "add", "--login", "agent1", "--password-stdin", "--config", conf.toString()};
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        int code = MiddlewareMain.run(args, new ByteArrayInputStream((MiddlewareHarness.PASSWORD + "\n")
                .getBytes(StandardCharsets.UTF_8)), quiet, quiet, Map.of());
        assertEquals(0, code, "users add");
        return conf;
    }

    /** {@code /ready}'s count of events received and not yet stored, or -1 when it cannot be read. */
    public static int bufferedEvents(AgentHttp agent) {
        try {
            return AgentHttp.JSON.readTree(agent.get("/ready").body()).path("bufferedEvents").asInt();
        } catch (Exception e) {
            return -1;
        }
    }
}
