package io.ctimw.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The load generator paces events at the requested rate, round-robin, with a send timestamp. */
class LoadTest extends SimulatorTestBase {

    @Test
    void emitsRoughlyTheRequestedRateRoundRobin() {
        try (TestClient client = TestClient.attached(sim.url(), "agent1")) {
            client.attach("agent2");
            long startMicros = System.currentTimeMillis() * 1000;
            long start = System.nanoTime();
            sim.load().start(2000, List.of("agent1", "agent2"));
            int wanted = 1000;
            int agent1 = 0;
            JsonNode last = null;
            for (int i = 0; i < wanted; i++) {
                last = client.next();
                assertEquals("CallStatus", last.path("name").asText());
                if ("agent1".equals(last.path("login").asText())) {
                    agent1++;
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            long sent = sim.load().stop();
            // Pacing makes 1000 events at 2000/s take at least 0.5 s; the upper bound only catches stalls.
            assertTrue(took.toMillis() >= 450, () -> "too fast: " + took);
            assertTrue(took.toMillis() < 5000, () -> "too slow: " + took);
            assertTrue(sent >= wanted && sent < wanted + 2000 * took.toMillis() / 1000 + 100, () -> "sent " + sent);
            assertEquals(wanted / 2, agent1);
            long sentAt = last.path("params").path("simSentAtMicros").asLong();
            assertTrue(sentAt >= startMicros - 1000 && sentAt <= System.currentTimeMillis() * 1000 + 1000);
            assertEquals(wanted - 1, last.path("params").path("simSeq").asLong());
        }
    }

    @Test
    void countsOnTheWireOnlyWhatReachedAnAttachedConnection() {
        try (TestClient client = TestClient.attached(sim.url(), "agent1")) {
            sim.load().start(2000, List.of("agent1", "agent2")); // agent2 has no connection: its events go nowhere
            for (int i = 0; i < 100; i++) {
                client.next();
            }
            long sent = sim.load().stop();
            BitSet onWire = sim.load().eventsOnWire();
            // agent1's 100th event is simSeq 198: at least 199 were produced by then, every odd one for agent2.
            assertTrue(sent >= 199, () -> "sent " + sent);
            for (int seq = 0; seq < 199; seq++) {
                assertEquals(seq % 2 == 0, onWire.get(seq), "simSeq " + seq);
            }
        }
    }
}
