package io.ctimw.bench.chaos.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ctimw.bench.chaos.ChaosContext;
import io.ctimw.bench.chaos.Probe;
import io.ctimw.bench.chaos.ProbeResult;
import io.ctimw.bench.chaos.client.CursorFollowers;
import io.ctimw.bench.chaos.client.StatusCounts;
import io.ctimw.bench.chaos.env.ChaosStack;
import io.ctimw.bench.chaos.probe.AuthAttempts.Attempt;
import io.ctimw.bench.chaos.probe.AuthAttempts.Leak;
import io.ctimw.bench.client.Agent;
import io.ctimw.bench.report.Outcome;
import io.ctimw.simulator.CtiSimulator;
import io.ctimw.simulator.ReceivedCommand;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Agent A tries to reach agent B: B's calls by cid (numeric and string, in every spelling), a login or rid
 * smuggled into a command, login look-alikes, swapped cookies, altered and logged-out tokens. A leak is an
 * answer that should have been a refusal, an event of B seen by A, or a frame reaching the CTI for another
 * login than A's (the simulator's command journal shows every frame the middleware sent).
 */
public final class AuthMatrixProbe implements Probe {
    private static final String ATTACKER = "agent-a";
    private static final String VICTIM = "agent-b";
    private static final String VICTIM_PASSWORD = "victim-password";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "auth matrix";
    }

    @Override
    public boolean usesSharedStack() {
        return true;
    }

    @Override
    public ProbeResult run(ChaosContext ctx) throws Exception {
        ChaosStack stack = ctx.shared();
        CtiSimulator sim = stack.sim();
        stack.seedUsers(List.of(VICTIM), VICTIM_PASSWORD, 4);
        Agent a = stack.agents(List.of(ATTACKER)).get(0);
        String tokenB = stack.http().login(VICTIM, VICTIM_PASSWORD).join();
        String goneToken = stack.http().login(VICTIM, VICTIM_PASSWORD).join();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        send(client, stack.port(), new Attempt("", "", "POST", "/api/v1/logout", null, goneToken, null, Leak.JOURNAL_ONLY));
        try (CursorFollowers followers = new CursorFollowers(stack.http(), List.of(a, new Agent(VICTIM, tokenB)))) {
            sim.awaitAttached(VICTIM, Duration.ofSeconds(10));
            sim.awaitAttached(ATTACKER, Duration.ofSeconds(10));
            long numericCid = ((Number) sim.injectIncomingCall(VICTIM, "+79001110001")).longValue();
            String stringCid = "cb-" + numericCid;
            sim.emit(VICTIM, Map.of("name", "NewCall", "cid", stringCid, "type", "sip", "state", "new", "direction", "in",
                    "hold", false, "muted", false, "displayName", "+79001110002"));
            Object ownCid = sim.injectIncomingCall(ATTACKER, "+79001110003");
            Thread.sleep(1500); // the calls reach the middleware's registry (the attempts below must meet them)
            int sanity = send(client, stack.port(), new Attempt("", "", "POST", "/api/v1/control",
                    "{\"name\":\"Answer\",\"cid\":" + ownCid + "}", a.token(), null, Leak.JOURNAL_ONLY)).statusCode();
            sim.clearReceivedCommands();
            List<Attempt> attempts = AuthAttempts.all(a.token(), tokenB, goneToken, numericCid, stringCid, VICTIM,
                    ATTACKER, ChaosStack.PASSWORD, ownCid);
            StatusCounts statuses = new StatusCounts();
            List<String> leaks = new ArrayList<>();
            for (Attempt attempt : attempts) {
                HttpResponse<String> r = send(client, stack.port(), attempt);
                statuses.add(r == null ? -9 : r.statusCode());
                if (r != null && leaked(attempt, r)) {
                    leaks.add(attempt.group() + ": " + attempt.label() + " -> " + r.statusCode());
                }
            }
            sim.injectIncomingCall(VICTIM, "+79001110004"); // more of B's events for a leak to show
            Thread.sleep(1500);
            List<ReceivedCommand> frames = sim.receivedCommands();
            List<String> ctiLeaks = frames.stream().filter(f -> !ATTACKER.equals(f.login()) || f.rawJson().contains(VICTIM)
                    || f.rawJson().contains(stringCid) || cidIs(f, numericCid)).map(ReceivedCommand::rawJson).toList();
            long eventLeaks = followers.foreignEvents() + foreignInBacklog(client, stack.port(), a.token());
            long total = leaks.size() + ctiLeaks.size() + eventLeaks;
            List<String> details = new ArrayList<>();
            details.add(String.format(Locale.ROOT, "- %d attempts by %s against %s (numeric cid %d, string cid %s): answers %s.",
                    attempts.size(), ATTACKER, VICTIM, numericCid, stringCid, statuses.describe()));
            details.add("- Control check: " + ATTACKER + " answering its own call got " + sanity
                    + " (the matrix means something only if this is 200).");
            details.add("- Frames that reached the CTI during the attempts: " + frames.size() + ", of them for another login or "
                    + "naming B's calls: " + ctiLeaks.size() + ".");
            details.add("- Events of another agent seen by A (live follower and a full `after=0` read) or by B: " + eventLeaks + ".");
            leaks.forEach(l -> details.add("- Leak: `" + l.replace('`', '\'') + "`"));
            ctiLeaks.forEach(l -> details.add("- Frame for another login: `" + l.replace('`', '\'') + "`"));
            return new ProbeResult(name(), attempts.size() + " cross-user attempts: other agent's cids (numeric, string, "
                    + "look-alike spellings), login/rid smuggling, login look-alikes, swapped cookies, altered and "
                    + "logged-out tokens", total + " leaks (" + leaks.size() + " answers, " + ctiLeaks.size() + " CTI frames, "
                    + eventLeaks + " events); " + statuses.get(500) + " answers 500", "0 leaks",
                    Outcome.of(total == 0 && sanity == 200 && statuses.get(500) == 0),
                    Map.of("leaks", total, "status500", statuses.get(500), "attempts", (long) attempts.size(),
                            "sanity", (long) sanity), details);
        }
    }

    private static boolean leaked(Attempt attempt, HttpResponse<String> r) {
        boolean ok = r.statusCode() >= 200 && r.statusCode() < 300;
        return switch (attempt.leak()) {
            case ANY_SUCCESS -> ok;
            case VICTIM_IN_BODY -> ok && r.body().contains(VICTIM);
            case NOT_ATTACKER -> ok && !r.body().contains("\"login\":\"" + ATTACKER + "\"");
            case JOURNAL_ONLY -> false;
        };
    }

    private static boolean cidIs(ReceivedCommand frame, long numericCid) {
        JsonNode cid = frame.json().path("cid");
        return !cid.isMissingNode() && cid.asText().contains(Long.toString(numericCid));
    }

    /** Events in A's whole stored stream (after=0) that carry another login. */
    private static long foreignInBacklog(HttpClient client, int port, String token) throws Exception {
        HttpResponse<String> r = send(client, port, new Attempt("", "", "GET", "/api/v1/events?after=0&limit=1000", null,
                token, null, Leak.JOURNAL_ONLY));
        if (r == null || r.statusCode() != 200) {
            return 0;
        }
        long n = 0;
        for (JsonNode event : JSON.readTree(r.body())) {
            if (!ATTACKER.equals(event.path("login").asText(ATTACKER))) {
                n++;
            }
        }
        return n;
    }

    /** Sends one attempt; null when the JDK client refuses to send it (e.g. a control character in a header). */
    private static HttpResponse<String> send(HttpClient client, int port, Attempt attempt) throws InterruptedException {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + attempt.path()))
                    .timeout(Duration.ofSeconds(15));
            if (attempt.bearer() != null) {
                b.header("Authorization", "Bearer " + attempt.bearer());
            }
            if (attempt.cookie() != null) {
                b.header("Cookie", "ctimw_session=" + attempt.cookie());
            }
            if (attempt.body() != null) {
                b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(attempt.body()));
            } else if (attempt.method().equals("POST")) {
                b.POST(HttpRequest.BodyPublishers.noBody());
            }
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }
}
