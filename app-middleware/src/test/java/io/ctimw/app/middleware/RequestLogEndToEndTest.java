package io.ctimw.app.middleware;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctimw.adapters.postgres.testing.TestDatabase;
import io.ctimw.app.middleware.testing.AgentHttp;
import io.ctimw.app.middleware.testing.MiddlewareHarness;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.Password;
import io.ctimw.core.model.Role;
import io.ctimw.simulator.CtiSimulator;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A known set of requests (logins right and wrong, events, control allowed / forbidden / unknown call, an
 * unknown route, no token, an agent calling the admin API): the request log and the daily statistics
 * read back through the admin API agree with them exactly.
 */
class RequestLogEndToEndTest {
    private static final String ADMIN_PASSWORD = "admin-password";
    private static final String REQUESTS = "/api/v1/admin/requests?limit=1000";

    /** What the test expects of one log line; login and attemptedLogin are null when absent. */
    private record Line(String login, String attemptedLogin, String method, String path, String command, int status,
                        String problemType) {
        String apiMethod() {
            return command != null ? "control:" + command
                    : method + " " + (path.equals("/api/v1/no/such/route") ? "(no route)" : path);
        }
    }

    private TestDatabase db;
    private CtiSimulator cti;
    private MiddlewareHarness mw;
    private final List<Line> made = new ArrayList<>();

    @BeforeEach
    void start() {
        db = TestDatabase.create();
        cti = CtiSimulator.builder().operators("agent1").build().start();
        mw = MiddlewareHarness.start(db, cti, Map.of("users.default-grants",
                List.of("events", "control:GetCalls", "control:Hangup"))).withAgents("agent1");
        mw.app().core().userAdministration().add(new Login("boss"), new Password(ADMIN_PASSWORD), Role.ADMIN);
    }

    @AfterEach
    void stop() {
        mw.close();
        cti.close();
        db.close();
    }

    private String problem(HttpResponse<String> r) throws Exception {
        return r.statusCode() < 400 ? null
                : AgentHttp.JSON.readTree(r.body()).path("type").asText().replaceFirst(".*/", "");
    }

    private void made(String login, String attempted, String method, String path, String command,
                      HttpResponse<String> r) throws Exception {
        made.add(new Line(login, attempted, method, path, command, r.statusCode(), problem(r)));
    }

    private String loginBody(String login, String password) {
        return AgentHttp.JSON.createObjectNode().put("login", login).put("password", password).toString();
    }

    @Test
    void theLogAndTheDailyStatisticsAgreeWithTheRequestsMade() throws Exception {
        AgentHttp agent = mw.agent();
        made(null, "agent1", "POST", "/api/v1/login", null, agent.post("/api/v1/login",
                loginBody("agent1", "wrong-password")));
        agent.login("agent1", MiddlewareHarness.PASSWORD);
        made.add(new Line(null, "agent1", "POST", "/api/v1/login", null, 200, null));
        cti.awaitAttached("agent1", Duration.ofSeconds(10));
        made("agent1", null, "GET", "/api/v1/events", null, agent.get("/api/v1/events?wait=0"));
        made("agent1", null, "POST", "/api/v1/control", "GetCalls", agent.control("{\"name\":\"GetCalls\"}"));
        made("agent1", null, "POST", "/api/v1/control", "Answer", agent.control("{\"name\":\"Answer\",\"cid\":\"c1\"}"));
        made("agent1", null, "POST", "/api/v1/control", "Hangup", agent.control("{\"name\":\"Hangup\",\"cid\":\"c9\"}"));
        made("agent1", null, "POST", "/api/v1/control", "invalid", agent.control("{\"name\":\"Selfdestruct\"}"));
        // no route: the token is never checked (404 before 401), so the line names no login
        made(null, null, "GET", "/api/v1/no/such/route", null, agent.get("/api/v1/no/such/route?x=1"));
        made("agent1", null, "GET", "/api/v1/admin/stats/daily", null, agent.get("/api/v1/admin/stats/daily"));
        made(null, null, "GET", "/api/v1/events", null, mw.agent().get("/api/v1/events"));
        AgentHttp admin = mw.agent().login("boss", ADMIN_PASSWORD);
        made.add(new Line(null, "boss", "POST", "/api/v1/login", null, 200, null));
        List<Integer> statuses = new ArrayList<>(made.stream().map(Line::status).toList());
        statuses.remove(2); // the poll: 200 or 204, whether the phone's first events are there yet
        assertEquals(List.of(401, 200, 200, 403, 404, 400, 404, 403, 401, 200), statuses,
                "the requests answered as the test means them: " + made);

        List<Line> logged = await().atMost(Duration.ofSeconds(10)).until(() -> loggedBesidesTheseReads(admin),
                lines -> lines.size() >= made.size());

        assertEquals(made, logged);
        HttpResponse<String> raw = admin.get(REQUESTS);
        for (String secret : List.of(MiddlewareHarness.PASSWORD, ADMIN_PASSWORD, "wrong-password", agent.token(), "x=1")) {
            assertFalse(raw.body().contains(secret), "the log shows no password, token or query: " + secret);
        }
        assertEquals(expectedCounts(), countedBesidesTheseReads(admin));
    }

    /** The log oldest first, without the admin's own reads of it (which are logged too). */
    private List<Line> loggedBesidesTheseReads(AgentHttp admin) throws Exception {
        List<Line> lines = new ArrayList<>();
        for (JsonNode l : AgentHttp.JSON.readTree(admin.get(REQUESTS).body()).path("requests")) {
            Line line = new Line(text(l, "login"), text(l, "attemptedLogin"), l.path("method").asText(),
                    l.path("path").asText(), text(l, "command"), l.path("status").asInt(), text(l, "problemType"));
            if (!"boss".equals(line.login())) {
                lines.add(0, line);
            }
        }
        return lines;
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isNull() ? null : node.path(field).asText();
    }

    private Map<String, Map<Integer, Long>> expectedCounts() {
        Map<String, Map<Integer, Long>> counts = new TreeMap<>();
        for (Line l : made) {
            counts.computeIfAbsent(l.login() + " " + l.apiMethod(), k -> new TreeMap<>()).merge(l.status(), 1L, Long::sum);
        }
        return counts;
    }

    /** Today's counters per login and method (UTC), without the admin's reads. */
    private Map<String, Map<Integer, Long>> countedBesidesTheseReads(AgentHttp admin) throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode stats = AgentHttp.JSON.readTree(admin.get("/api/v1/admin/stats/daily?group=login,method&from="
                + today.minusDays(1) + "&to=" + today).body());
        Map<String, Map<Integer, Long>> counts = new TreeMap<>();
        long calls = 0;
        long groupCalls = 0;
        for (JsonNode day : stats.path("days")) {
            calls += day.path("calls").asLong();
            for (JsonNode g : day.path("groups")) {
                groupCalls += g.path("calls").asLong();
                String key = (g.path("login").isNull() ? "null" : g.path("login").asText()) + " " + g.path("method").asText();
                if (!key.startsWith("boss ")) {
                    g.path("byStatus").fields().forEachRemaining(e -> counts.computeIfAbsent(key, k -> new TreeMap<>())
                            .merge(Integer.parseInt(e.getKey()), e.getValue().asLong(), Long::sum));
                }
            }
        }
        assertEquals(calls, groupCalls, "the groups add up to the day");
        return counts;
    }
}
