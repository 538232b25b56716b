package io.ctimw.app.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctimw.adapters.postgres.testing.TestDatabase;
import io.ctimw.app.middleware.testing.AgentHttp;
import io.ctimw.app.middleware.testing.MiddlewareHarness;
import io.ctimw.simulator.CtiSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an agent sees when the simulator injects CTI faults (issue 9): refused attaches, a silent link. */
class CtiFaultsEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static CtiSimulator simulator() {
        return CtiSimulator.builder().operators("agent1").build().start();
    }

    private static MiddlewareHarness start(TestDatabase db, CtiSimulator cti, Map<String, Object> extra) {
        return MiddlewareHarness.start(db, cti, extra).withAgents("agent1");
    }

    @Test
    void aRefusedAttachReachesTheAgentAsAttachRefusedAndTheNextReconnectRetriesIt() throws Exception {
        try (TestDatabase db = TestDatabase.create(); CtiSimulator cti = simulator();
             MiddlewareHarness mw = start(db, cti, Map.of())) {
            cti.faults().rejectAttaches(true);
            AgentHttp a1 = mw.agent().login("agent1", MiddlewareHarness.PASSWORD);
            JsonNode refused = EndToEndTest.last(a1.awaitEvent("mw.PhoneUnavailable", WAIT), "mw.PhoneUnavailable");
            assertEquals("attach-refused", refused.get("reason").asText(), refused.toString());
            assertEquals("no licence", refused.get("description").asText(), refused.toString());

            cti.faults().rejectAttaches(false);
            cti.faults().dropAllConnections();
            a1.awaitEvent("mw.PhoneAvailable", WAIT);
            cti.awaitAttached("agent1", WAIT);
        }
    }

    @Test
    void aCtiThatStopsAnsweringPingsIsDroppedAndTheAgentIsToldThenReattached() throws Exception {
        try (TestDatabase db = TestDatabase.create(); CtiSimulator cti = simulator();
             MiddlewareHarness mw = start(db, cti, Map.of("cti.ping-interval", "2s"))) {
            AgentHttp a1 = mw.agent().login("agent1", MiddlewareHarness.PASSWORD);
            a1.awaitEvent("mw.PhoneAvailable", WAIT);
            cti.faults().answerPings(false);
            List<JsonNode> seen = a1.awaitEvent("mw.PhoneUnavailable", WAIT);
            assertEquals("cti-link-down", EndToEndTest.last(seen, "mw.PhoneUnavailable").get("reason").asText());
            cti.faults().answerPings(true);
            a1.awaitEvent("mw.PhoneAvailable", WAIT);
            cti.awaitAttached("agent1", WAIT);
        }
    }
}
