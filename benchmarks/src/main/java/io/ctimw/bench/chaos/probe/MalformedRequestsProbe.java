package io.ctimw.bench.chaos.probe;

import io.ctimw.bench.chaos.ChaosContext;
import io.ctimw.bench.chaos.Probe;
import io.ctimw.bench.chaos.ProbeResult;
import io.ctimw.bench.chaos.client.RawExchange;
import io.ctimw.bench.chaos.client.StatusCounts;
import io.ctimw.bench.chaos.env.ChaosStack;
import io.ctimw.bench.client.Agent;
import io.ctimw.bench.report.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Thousands of malformed requests (see {@link MalformedRequests}), each on its own connection, 8 at a time,
 * with a valid token so that they get past authentication into the parsers. Any 500 is a failure; the
 * other statuses are listed, and the service must still be ready afterwards.
 */
public final class MalformedRequestsProbe implements Probe {
    private static final int THREADS = 8;
    private static final int TIMEOUT_MS = 3000;

    private final int requests;
    private final long seed;

    public MalformedRequestsProbe(int requests, long seed) {
        this.requests = requests;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "malformed requests";
    }

    @Override
    public boolean usesSharedStack() {
        return true;
    }

    @Override
    public ProbeResult run(ChaosContext ctx) throws Exception {
        ChaosStack stack = ctx.shared();
        Agent fuzzer = stack.agents(List.of("shared-200")).get(0);
        MalformedRequests generator = new MalformedRequests(seed, fuzzer.token());
        StatusCounts statuses = new StatusCounts();
        Map<String, Long> fiveHundredsByKind = new ConcurrentHashMap<>();
        List<String> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        long errorsBefore = stack.middleware().log().count(" ERROR ");
        List<Thread> workers = new ArrayList<>();
        int[] left = {requests};
        for (int i = 0; i < THREADS; i++) {
            Thread t = new Thread(() -> {
                while (true) {
                    byte[] request;
                    String kind;
                    synchronized (generator) {
                        if (left[0]-- <= 0) {
                            return;
                        }
                        kind = generator.nextKind();
                        request = generator.next();
                    }
                    int status = RawExchange.send(stack.port(), request, TIMEOUT_MS);
                    statuses.add(status);
                    if (status == 500) {
                        fiveHundredsByKind.merge(kind, 1L, Long::sum);
                        if (samples.size() < 5) {
                            samples.add(printable(request));
                        }
                    }
                }
            }, "malformed-" + i);
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            t.join();
        }
        int ready = stack.middleware().readyStatus(Duration.ofSeconds(5));
        long errorLines = stack.middleware().log().count(" ERROR ") - errorsBefore;
        long status500 = statuses.get(500);
        List<String> details = new ArrayList<>();
        details.add(String.format(Locale.ROOT, "- %,d requests (seed %d; kinds round-robin: %s), a new connection each, "
                + "%d at a time, %d s to answer.", requests, seed, String.join(", ", MalformedRequests.KINDS), THREADS,
                TIMEOUT_MS / 1000));
        details.add("- Answers by status: " + statuses.describe() + ".");
        details.add("- Answers 500 by kind: " + (fiveHundredsByKind.isEmpty() ? "none" : fiveHundredsByKind) + "; the "
                + "middleware logged " + errorLines + " ERROR lines meanwhile; `/ready` afterwards: " + ready + ".");
        samples.forEach(s -> details.add("- A request answered 500: `" + s + "`"));
        boolean met = status500 == 0 && ready == 200;
        return new ProbeResult(name(), String.format(Locale.ROOT, "%,d mutated/random bodies, headers, query strings, "
                + "request lines, gzip bodies", requests),
                String.format(Locale.ROOT, "%,d answers 500; %,d without an answer; ready afterwards: %s", status500,
                        statuses.get(RawExchange.CLOSED) + statuses.get(RawExchange.TIMED_OUT), ready == 200 ? "yes" : "no"),
                "0 answers with status 500 (505 for an unsupported HTTP version is correct)", Outcome.of(met),
                Map.of("status500", status500, "requests", statuses.total(), "noAnswer",
                        statuses.get(RawExchange.CLOSED) + statuses.get(RawExchange.TIMED_OUT)), details);
    }

    /** The first 160 bytes with control characters escaped, for the report. */
    static String printable(byte[] request) {
        String s = new String(request, 0, Math.min(160, request.length), StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '`') {
                out.append('\'');
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString().replace("|", "\\|");
    }
}
