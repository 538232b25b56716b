package io.ctimw.bench.chaos.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ctimw.bench.client.Agent;
import io.ctimw.bench.client.MiddlewareHttp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Agents that follow their events the way the README tells a careful client to: each long-polls with
 * {@code after=<last _cursor seen>} and, whatever goes wrong (refused connection, 5xx, a dead
 * middleware), retries after 100 ms from the same cursor. What they receive is the evidence: which load
 * events ({@code params.simSeq}) arrived and how often, events of another login, answers by status.
 */
public final class CursorFollowers implements AutoCloseable {
    /** A middleware event ({@code mw.*}) as one agent received it, with the driver's receive time. */
    public record MwEvent(String login, String name, long receivedNanos) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long RETRY_MS = 100;

    private final MiddlewareHttp http;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "follower-retry");
        t.setDaemon(true);
        return t;
    });
    private final BitSet received = new BitSet();
    private final List<MwEvent> mwEvents = new ArrayList<>();
    private final Map<Integer, LongAdder> failures = new ConcurrentHashMap<>();
    private final LongAdder foreign = new LongAdder();
    private final LongAdder events = new LongAdder();
    private long duplicates;
    private volatile boolean running = true;

    public CursorFollowers(MiddlewareHttp http, List<Agent> agents) {
        this.http = http;
        agents.forEach(a -> poll(a, -1));
    }

    private void poll(Agent agent, long after) {
        if (!running) {
            return;
        }
        http.events(agent.token(), after, 30).whenComplete((r, e) -> {
            if (e != null) {
                failed(agent, after, -1);
            } else if (r.statusCode() == 200) {
                poll(agent, take(agent, r, after));
            } else if (r.statusCode() == 204) {
                poll(agent, after);
            } else {
                failed(agent, after, r.statusCode());
            }
        });
    }

    private void failed(Agent agent, long after, int status) {
        if (!running) {
            return;
        }
        failures.computeIfAbsent(status, s -> new LongAdder()).increment();
        retries.schedule(() -> poll(agent, after), RETRY_MS, TimeUnit.MILLISECONDS);
    }

    /** Records the batch; returns the cursor to resume from. */
    private long take(Agent agent, HttpResponse<String> r, long after) {
        long now = System.nanoTime();
        long cursor = after;
        try {
            for (JsonNode event : JSON.readTree(r.body())) {
                events.increment();
                cursor = Math.max(cursor, event.path("_cursor").asLong(cursor));
                String login = event.path("login").asText(agent.login());
                if (!login.equals(agent.login())) {
                    foreign.increment();
                }
                String name = event.path("name").asText("");
                if (name.startsWith("mw.")) {
                    synchronized (mwEvents) {
                        mwEvents.add(new MwEvent(agent.login(), name, now));
                    }
                }
                JsonNode seq = event.path("params").path("simSeq");
                if (seq.canConvertToInt()) {
                    seen(seq.asInt());
                }
            }
        } catch (java.io.IOException e) {
            failures.computeIfAbsent(-2, s -> new LongAdder()).increment();
        }
        return cursor;
    }

    private synchronized void seen(int seq) {
        if (received.get(seq)) {
            duplicates++;
        } else {
            received.set(seq);
        }
    }

    public synchronized BitSet received() {
        return (BitSet) received.clone();
    }

    public synchronized long duplicates() {
        return duplicates;
    }

    /** Load events the simulator put on the wire that no follower has received (yet). */
    public synchronized long missing(BitSet onWire) {
        BitSet lost = (BitSet) onWire.clone();
        lost.andNot(received);
        return lost.cardinality();
    }

    /** Waits until nothing is missing, or nothing new arrived for {@code quietMillis}; returns what is missing. */
    public long drain(BitSet onWire, long quietMillis, long maxMillis) throws InterruptedException {
        long deadline = System.nanoTime() + maxMillis * 1_000_000L;
        long lastCount = -1;
        long lastChange = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long missing = missing(onWire);
            if (missing == 0) {
                return 0;
            }
            long count = events.sum();
            if (count != lastCount) {
                lastCount = count;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > quietMillis * 1_000_000L) {
                break;
            }
            Thread.sleep(50);
        }
        return missing(onWire);
    }

    public List<MwEvent> mwEvents() {
        synchronized (mwEvents) {
            return List.copyOf(mwEvents);
        }
    }

    /** Events carrying another agent's login. */
    public long foreignEvents() {
        return foreign.sum();
    }

    /** Failed polls by status; -1 an I/O error (connection refused, reset), -2 an unparseable body. */
    public Map<Integer, Long> failures() {
        Map<Integer, Long> out = new TreeMap<>();
        failures.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    @Override
    public void close() {
        running = false;
        retries.shutdownNow();
    }
}
