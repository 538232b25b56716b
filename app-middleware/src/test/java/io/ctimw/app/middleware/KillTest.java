package io.ctimw.app.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctimw.app.middleware.testing.AgentHttp;
import io.ctimw.app.middleware.testing.ChildProcess;
import io.ctimw.app.middleware.testing.ChildSetup;
import io.ctimw.app.middleware.testing.MiddlewareHarness;
import io.ctimw.app.middleware.testing.Postmaster;
import io.ctimw.core.testing.Await;
import io.ctimw.simulator.CtiSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL of the middleware JVM while every event it received sits in its queue (the database frozen,
 * so none is committed): the restarted middleware stores each of them, once, from its intake log.
 */
class KillTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> AGENTS = List.of("agent1");

    @TempDir
    Path dir;

    @Test
    void aKilledMiddlewareLosesNoReceivedEventAndStoresNoneTwice() throws Exception {
        Path dataDir = dir.resolve("postgres");
        try (CtiSimulator cti = CtiSimulator.builder().operators("agent1").build().start()) {
            Path conf = ChildSetup.configWithAgent1(dir, cti, dataDir, "");
            BitSet onWire;
            try (ChildProcess mw = ChildProcess.start(MiddlewareMain.class, "--config", conf.toString())) {
                AgentHttp agent = loggedIn(mw, cti).settled(WAIT);
                List<Long> frozen = Postmaster.processes(dataDir);
                Postmaster.signal("STOP", frozen);
                try {
                    cti.load().start(500, AGENTS);
                    Await.until(() -> ChildSetup.bufferedEvents(agent) >= 300, WAIT, "the stream did not reach the middleware");
                    cti.load().stop();
                    onWire = cti.load().eventsOnWire();
                    Await.until(() -> ChildSetup.bufferedEvents(agent) >= onWire.cardinality(), WAIT, "not every event was received");
                    mw.kill();
                } finally {
                    Postmaster.signal("CONT", frozen);
                }
            }
            try (ChildProcess mw = ChildProcess.start(MiddlewareMain.class, "--config", conf.toString())) {
                AgentHttp agent = loggedIn(mw, cti);
                Await.until(() -> ChildSetup.bufferedEvents(agent) == 0, WAIT, "the restarted middleware did not store its backlog");
                List<Long> seen = readAll(agent);
                List<Integer> lost = missing(seen, onWire);
                assertEquals(0, lost.size(), "lost " + lost.size() + " of " + onWire.cardinality() + ": " + lost);
                assertEquals(seen.stream().distinct().count(), seen.size(), "duplicated: " + seen);
                assertEquals(seen.stream().sorted().toList(), seen, "in the order received");
                assertTrue(mw.lineOf("were not stored yet: storing them now") >= 0, String.join("\n", mw.lines()));
                mw.terminate();
                assertTrue(mw.awaitExit(WAIT), "the middleware did not stop");
            } finally {
                Postmaster.signal("INT", List.of(Postmaster.pid(dataDir))); // the killed JVM's orphaned server
                Await.until(() -> !Files.exists(dataDir.resolve("postmaster.pid")), WAIT, "PostgreSQL did not stop");
            }
        }
    }

    private static AgentHttp loggedIn(ChildProcess mw, CtiSimulator cti) throws Exception {
        String base = mw.awaitLine("cti-middleware ready: (http://[^ ]+)", WAIT);
        AgentHttp agent = new AgentHttp(base).login("agent1", MiddlewareHarness.PASSWORD);
        cti.awaitAttached("agent1", WAIT);
        return agent;
    }

    /** The load events stored for the agent, in cursor order, read the way a cursor-resuming client reads. */
    private static List<Long> readAll(AgentHttp agent) throws Exception {
        List<Long> seqs = new ArrayList<>();
        long cursor = 0;
        for (List<JsonNode> page = agent.events("after=0&limit=1000"); !page.isEmpty();
                page = agent.events("after=" + cursor + "&limit=1000")) {
            for (JsonNode e : page) {
                cursor = e.path("_cursor").asLong();
                if (e.path("params").has("simSeq")) {
                    seqs.add(e.path("params").path("simSeq").asLong());
                }
            }
        }
        return seqs;
    }

    private static List<Integer> missing(List<Long> seen, BitSet expected) {
        BitSet left = (BitSet) expected.clone();
        seen.forEach(s -> left.clear(s.intValue()));
        return left.stream().boxed().toList();
    }
}
