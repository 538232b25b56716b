package io.ctimw.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ctimw.core.model.AgentState;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.PendingEvent;
import io.ctimw.core.model.StoredEvent;
import io.ctimw.core.port.out.EventRefusedException;
import io.ctimw.core.testing.InMemoryEventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The property behind {@code GET /state}: for random event streams of two logins, written in random batches
 * (some refused whole, as the journal then splits them), every snapshot taken along the way, continued with the
 * stored events after its cursor, equals the full replay; so does the final snapshot, and so does a restarted
 * projection (reading rows) and one over the same events without rows (replaying). Each seed is a case, so a
 * failure names a reproducible one (plain JUnit: jqwik 1.10 asks not to be run by coding agents).
 */
class SnapshotReplayPropertyTest {
    private static final Login A = new Login("agent-a");
    private static final Login B = new Login("agent-b");
    private static final String[] CIDS = {"1", "2", "\"2\"", "\"x\"", "\"y z\""};
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aSnapshotPlusTheEventsAfterItsCursorIsTheFullReplay(long seed) {
        Random random = new Random(seed);
        InMemoryEventStore store = new InMemoryEventStore();
        store.refuseWhen(e -> e.name().equals("Refused"));
        StateProjection projection = new StateProjection(store);
        List<AgentState> snapshots = new ArrayList<>();
        int batches = 5 + random.nextInt(40);
        for (int b = 0; b < batches; b++) {
            List<PendingEvent> batch = new ArrayList<>();
            for (int n = 1 + random.nextInt(6); n > 0; n--) {
                batch.add(randomEvent(random, b));
            }
            try {
                projection.append(batch);
            } catch (EventRefusedException refused) {
                // nothing of it was stored: the projection must not have moved either
            }
            if (random.nextInt(3) == 0) {
                snapshots.add(projection.current(random.nextBoolean() ? A : B));
            }
        }
        for (Login login : List.of(A, B)) {
            List<StoredEvent> all = store.after(login, 0, 10_000);
            AgentState full = Replay.of(all);
            assertEquals(full, projection.current(login), "final snapshot of " + login);
            assertEquals(full, new StateProjection(store).current(login), "restarted: from the row");
            InMemoryEventStore rowless = new InMemoryEventStore();
            rowless.append(all.stream().map(e -> new PendingEvent(e.login(), e.name(), e.json(), e.receivedAt())).toList());
            assertEquals(Replay.json(full), Replay.json(new StateProjection(rowless).current(login)), "replayed, no rows");
        }
        for (AgentState snapshot : snapshots) {
            Login login = loginOf(store, snapshot);
            List<StoredEvent> all = store.after(login, 0, 10_000);
            List<StoredEvent> upTo = all.stream().filter(e -> e.cursor() <= snapshot.cursor()).toList();
            assertEquals(Replay.of(upTo), snapshot, "the snapshot is the replay up to its cursor");
            assertEquals(Replay.of(all), Replay.continued(snapshot, store.after(login, snapshot.cursor(), 10_000)),
                    "snapshot + events after its cursor = full replay");
        }
    }

    /** The login whose event has the snapshot's cursor (A when it is 0, both being empty then). */
    private static Login loginOf(InMemoryEventStore store, AgentState snapshot) {
        return store.after(B, 0, 10_000).stream().anyMatch(e -> e.cursor() == snapshot.cursor()) ? B : A;
    }

    private static PendingEvent randomEvent(Random r, int batch) {
        Login login = r.nextBoolean() ? A : B;
        String cid = ",\"cid\":" + CIDS[r.nextInt(CIDS.length)];
        String fields = switch (r.nextInt(15)) {
            case 0 -> name("UserState") + ",\"state\":\"" + List.of("normal", "away", "offline").get(r.nextInt(3))
                    + "\",\"substates\":[],\"time\":" + batch;
            case 1, 2 -> name("NewCall") + cid + ",\"state\":\"new\",\"direction\":\"in\",\"params\":{\"sessionId\":\"s"
                    + batch + "\"}";
            case 3, 4 -> name("CallStatus") + cid + ",\"state\":\"connected\",\"hold\":" + r.nextBoolean();
            case 5 -> name("CallParams") + cid + ",\"params\":{\"sessionId\":\"p" + batch + "\"}";
            case 6 -> name("CallParamsUpdated") + cid + ",\"params\":{\"k" + r.nextInt(3) + "\":" + batch + "}";
            case 7 -> name("LocalParamsUpdated") + cid + ",\"params\":{\"n\":\"" + batch + "\"}";
            case 8 -> name("CurrentCall") + cid;
            case 9, 10 -> name("OnClose") + cid;
            case 11 -> name("Calls") + ",\"calls\":[" + (r.nextBoolean() ? "" : "{\"cid\":" + CIDS[r.nextInt(CIDS.length)]
                    + ",\"state\":\"connected\"}") + "]";
            case 12 -> name(r.nextBoolean() ? "mw.PhoneUnavailable" : "mw.PhoneAvailable");
            case 13 -> name(r.nextBoolean() ? "TransferSucceed" : "SomethingNew") + cid;
            default -> name("Refused");
        };
        String nameOnly = fields.substring(8, fields.indexOf('"', 8));
        return new PendingEvent(login, nameOnly, "{" + fields + ",\"login\":\"" + login + "\"}", T0.plusSeconds(batch));
    }

    private static String name(String name) {
        return "\"name\":\"" + name + "\"";
    }
}
