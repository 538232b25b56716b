package io.ctimw.app.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctimw.adapters.postgres.testing.TestDatabase;
import io.ctimw.app.middleware.testing.AgentHttp;
import io.ctimw.app.middleware.testing.MiddlewareHarness;
import io.ctimw.simulator.CtiSimulator;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} of the whole service: real logins, commands, events and a CTI reconnect move its figures. */
class MetricsEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    // A fresh instance per test: each gets its own database and CTI, and starts the middleware its own way.
    private final TestDatabase db = TestDatabase.create();
    private final CtiSimulator cti = CtiSimulator.builder().operators("agent1").build().start();
    private MiddlewareHarness mw;

    @AfterEach
    void stop() {
        if (mw != null) {
            mw.close();
        }
        cti.close();
        db.close();
    }

    /** One series' value, named exactly as Prometheus prints it (labels in alphabetical order); NaN when absent. */
    private static double sample(String scrape, String series) {
        return scrape.lines().filter(l -> l.startsWith(series + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1))).findFirst().orElse(Double.NaN);
    }

    private static String metrics(String baseUrl) throws Exception {
        HttpResponse<String> response = new AgentHttp(baseUrl).get("/metrics");
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    @Test
    void loginsCommandsEventsAndReconnectsShowInTheMetrics() throws Exception {
        mw = MiddlewareHarness.start(db, cti).withAgents("agent1");
        String before = metrics(mw.baseUrl());
        assertEquals(0, sample(before, "ctimw_cti_reconnects_total"));

        AgentHttp agent = mw.agent().login("agent1", MiddlewareHarness.PASSWORD);
        cti.awaitAttached("agent1", WAIT);
        cti.injectIncomingCall("agent1", "+100");
        List<JsonNode> seen = agent.awaitEvent("NewCall", WAIT);
        JsonNode call = seen.get(seen.size() - 1);
        assertEquals(200, agent.control("{\"name\":\"Answer\",\"cid\":" + call.get("cid") + "}").statusCode());

        String after = metrics(mw.baseUrl());
        assertEquals(1, sample(after, "ctimw_logins_total{outcome=\"logged_in\"}"));
        assertEquals(1, sample(after, "ctimw_commands_seconds_count{command=\"Answer\",outcome=\"Accepted\"}"));
        assertEquals(1, sample(after, "http_server_requests_seconds_count{method=\"POST\",route=\"/api/v1/control\",status=\"200\"}"));
        assertTrue(sample(after, "ctimw_events_delivered_total") >= seen.size(), after);
        assertTrue(sample(after, "ctimw_events_stored_total") >= seen.size(), after);
        assertTrue(sample(after, "ctimw_events_received_total") >= sample(after, "ctimw_events_stored_total"), after);
        assertEquals(1, sample(after, "ctimw_cti_link_up"));
        assertEquals(1, sample(after, "ctimw_phones_attached"));
        for (String series : List.of("hikaricp_connections_max{pool=\"cti-postgres\"}", "jvm_threads_live_threads",
                "jvm_classes_loaded_classes", "process_uptime_seconds", "jetty_threads_config_max", "ctimw_polls_waiting",
                "ctimw_events_buffered")) {
            assertTrue(sample(after, series) >= 0, series + " missing from\n" + after);
        }
        assertTrue(after.contains("jvm_memory_used_bytes{area=\"heap\""), after);
        assertTrue(after.contains("jvm_gc_"), "the collector is measured:\n" + after);

        cti.faults().dropAllConnections();
        Awaitility.await().atMost(WAIT).until(() -> sample(metrics(mw.baseUrl()), "ctimw_cti_reconnects_total") >= 1
                && sample(metrics(mw.baseUrl()), "ctimw_cti_link_up") == 1);
    }

    @Test
    void turnedOffTheMetricsAreNotFound() throws Exception {
        mw = MiddlewareHarness.start(db, cti, Map.of("metrics.enabled", false));
        assertEquals(404, mw.agent().get("/metrics").statusCode());
        assertEquals(-1, mw.app().metricsPort());
    }

    @Test
    void onASeparatePortTheMetricsAreServedThereAndNotByTheApi() throws Exception {
        mw = MiddlewareHarness.start(db, cti, Map.of("metrics.port", 0));
        int port = mw.app().metricsPort();
        assertTrue(port > 0 && port != mw.app().httpPort(), "port " + port);
        assertEquals(404, mw.agent().get("/metrics").statusCode());
        Awaitility.await().atMost(WAIT).until(() -> sample(metrics("http://127.0.0.1:" + port), "ctimw_cti_link_up") == 1);
    }

    @Test
    void aTakenMetricsPortStopsTheStartWithOneLineNamingIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StartupException e = assertThrows(StartupException.class,
                    () -> MiddlewareHarness.start(db, cti, Map.of("metrics.port", taken.getLocalPort())));
            assertTrue(e.getMessage().startsWith("cannot listen on 127.0.0.1:" + taken.getLocalPort() + " for metrics"),
                    e.getMessage());
        }
    }
}
