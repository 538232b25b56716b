package io.ctimw.app.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.adapters.http.EdgeLimits;
import io.ctimw.adapters.http.HttpSettings;
import io.ctimw.adapters.postgres.testing.TestDatabase;
import io.ctimw.app.middleware.testing.AgentHttp;
import io.ctimw.app.middleware.testing.MiddlewareHarness;
import io.ctimw.simulator.CtiSimulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole middleware with a pool of 8 workers under more slow bodies than that: everyone else is still served. */
class HostileClientsEndToEndTest {
    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    private TestDatabase db;
    private CtiSimulator cti;
    private final List<Socket> slow = new ArrayList<>();

    @BeforeEach
    void start() {
        db = TestDatabase.create();
        cti = CtiSimulator.builder().operators("agent1", "agent2").build().start();
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : slow) {
            socket.close();
        }
        cti.close();
        db.close();
    }

    private void openSlowBody(int port, String path) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        slow.add(socket);
        socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"lo").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    @Test
    void slowBodiesBeyondThePoolLeaveHealthLoginsAndPollsServed() throws Exception {
        Map<String, Object> smallPool = Map.of("http.max-threads", 8, "http.body-timeout", "60s", "http.min-body-rate", 1);
        try (MiddlewareHarness mw = MiddlewareHarness.start(db, cti, smallPool).withAgents("agent1", "agent2")) {
            AgentHttp agent2 = mw.agent().login("agent2", MiddlewareHarness.PASSWORD);
            int port = mw.app().httpPort();
            for (int i = 0; i < 24; i++) {
                openSlowBody(port, i % 2 == 0 ? "/api/v1/login" : "/api/v1/control");
            }

            assertTimeoutPreemptively(PROMPTLY, () -> {
                assertEquals(200, mw.agent().get("/health").statusCode());
                assertEquals(200, agent2.get("/api/v1/session").statusCode());
                agent2.events("wait=0");
                AgentHttp agent1 = mw.agent().login("agent1", MiddlewareHarness.PASSWORD);
                assertTrue(agent1.token() != null);
            });
            for (Socket socket : slow) {
                assertEquals(0, socket.getInputStream().available(), "the slow clients are still being waited for");
            }
        }
    }

    @Test
    void theEdgeAdmitsAsManyLoginsAsTheCoreMayCheck() {
        MiddlewareSettings s = MiddlewareHarness.settings(db, cti.url(),
                Map.of("security.max-concurrent-logins", 3, "http.max-logins-per-address", 5));
        HttpSettings http = AdapterSettings.httpSettings(s);
        EdgeLimits limits = http.limits();

        assertEquals(3, limits.maxConcurrentLogins());
        assertEquals(3, limits.maxLoginsPerAddress(), "a share cannot exceed the whole");
        assertEquals(Duration.ofSeconds(10), limits.bodyTimeout());
    }
}
