package io.ctimw.app.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctimw.adapters.postgres.testing.TestDatabase;
import io.ctimw.app.middleware.testing.AgentHttp;
import io.ctimw.app.middleware.testing.MiddlewareHarness;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.Password;
import io.ctimw.core.model.Role;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.SessionToken;
import io.ctimw.simulator.CtiSimulator;
import io.ctimw.simulator.ReceivedCommand;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin API (users and sessions) on real PostgreSQL and the CTI simulator: who may call what, and
 * that a change made through it applies to live sessions at once.
 */
class AdminApiEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PW = MiddlewareHarness.PASSWORD;
    private static final String USERS = "/api/v1/admin/users";
    private static final String SESSIONS = "/api/v1/admin/sessions";

    private TestDatabase db;
    private CtiSimulator cti;
    private MiddlewareHarness mw;
    private AgentHttp root;

    @BeforeEach
    void start() throws Exception {
        db = TestDatabase.create();
        cti = CtiSimulator.builder().operators("agent1", "agent2", "root", "root2").build().start();
        mw = MiddlewareHarness.start(db, cti).withAgents("agent1");
        mw.app().core().userAdministration().add(new Login("root"), new Password(PW), Role.ADMIN);
        root = mw.agent().login("root", PW);
    }

    @AfterEach
    void stop() {
        mw.close();
        cti.close();
        db.close();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return AgentHttp.JSON.readTree(r.body());
    }

    private HttpResponse<String> expect(int status, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        return r;
    }

    private void addUser(String body) throws Exception {
        expect(201, root.post(USERS, body));
    }

    private List<ReceivedCommand> commandsOf(String login, String name) {
        return cti.receivedCommands().stream().filter(c -> c.is(name) && login.equals(c.login())).toList();
    }

    /** Each role x each endpoint x granted or not: the status, and nothing reaches the CTI when refused. */
    @Test
    void thePermissionMatrix() throws Exception {
        addUser("{\"login\":\"agent2\",\"password\":\"" + PW + "\",\"grants\":[\"control:GetUserState\"]}");
        addUser("{\"login\":\"root2\",\"password\":\"" + PW + "\",\"role\":\"admin\",\"grants\":[\"events\",\"control:*\"]}");
        Map<String, Map<String, Integer>> expected = new LinkedHashMap<>();
        // login -> endpoint -> status (200 for events means 200 or 204)
        expected.put("agent1", row(200, 200, 200, false));  // agent, every grant (the default)
        expected.put("agent2", row(403, 200, 403, false));  // agent, only control:GetUserState
        expected.put("root", row(403, 403, 403, true));     // admin, no grants
        expected.put("root2", row(200, 200, 200, true));    // admin, events and control:*
        AgentHttp spare = mw.agent().login("agent1", PW); // keeps agent1's phone while others' sessions end
        cti.awaitAttached("agent1", WAIT);
        Map<String, Integer> actualCounts = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Integer>> row : expected.entrySet()) {
            String login = row.getKey();
            AgentHttp who = login.equals("root") ? root : mw.agent().login(login, PW);
            cti.awaitAttached(login, WAIT);
            Map<String, Integer> actual = new LinkedHashMap<>();
            actual.put("GET session", who.get("/api/v1/session").statusCode());
            int events = who.get("/api/v1/events").statusCode();
            actual.put("events", events == 204 ? 200 : events);
            actual.put("control:GetUserState", who.control("{\"name\":\"GetUserState\"}").statusCode());
            actual.put("control:GetCalls", who.control("{\"name\":\"GetCalls\"}").statusCode());
            actual.put("GET users", who.get(USERS + "?limit=10").statusCode());
            actual.put("POST users", who.post(USERS, "{\"login\":\"made-by-" + login + "\",\"password\":\"" + PW + "\"}")
                    .statusCode());
            actual.put("GET user", who.get(USERS + "/agent1").statusCode());
            actual.put("PATCH user", who.send("PATCH", USERS + "/agent1", "{\"grants\":[\"events\",\"control:*\"]}")
                    .statusCode());
            actual.put("GET sessions", who.get(SESSIONS).statusCode());
            AgentHttp extra = mw.agent().login("agent1", PW); // the session the DELETE names
            actual.put("DELETE session", who.send("DELETE", SESSIONS + "/" + idOf(extra), null).statusCode());
            actual.put("POST logout", who.post("/api/v1/logout", "{}").statusCode());
            assertEquals(row.getValue(), actual, login);
            for (String command : List.of("GetUserState", "GetCalls")) {
                if (row.getValue().get("control:" + command) == 403) {
                    actualCounts.put(login + " " + command, commandsOf(login, command).size());
                }
            }
        }
        // A barrier: a command sent after every refused one has reached the CTI and been answered.
        expect(200, spare.control("{\"name\":\"GetCalls\"}"));
        Map<String, Integer> none = new LinkedHashMap<>();
        actualCounts.keySet().forEach(k -> none.put(k, 0));
        Map<String, Integer> after = new LinkedHashMap<>();
        actualCounts.keySet().forEach(k -> after.put(k, commandsOf(k.split(" ")[0], k.split(" ")[1]).size()));
        assertEquals(none, after, "refused commands never reach the CTI");
        assertEquals(List.of(), commandsOf("agent1", "DetachFromUser"), "the spare session kept agent1's phone");
    }

    @Test
    void blockingMidSessionEndsItAtOnceAndReleasesThePhone() throws Exception {
        AgentHttp agent = mw.agent().login("agent1", PW);
        cti.awaitAttached("agent1", WAIT);
        expect(200, agent.get("/api/v1/session"));

        JsonNode blocked = json(expect(200, root.send("PATCH", USERS + "/agent1", "{\"enabled\":false}")));

        assertEquals(List.of(false, 0), List.of(blocked.get("enabled").asBoolean(), blocked.get("activeSessions").asInt()));
        expect(401, agent.get("/api/v1/session"));
        expect(401, agent.control("{\"name\":\"GetUserState\"}"));
        cti.awaitCommand(c -> c.is("DetachFromUser") && "agent1".equals(c.login()), WAIT);
        expect(401, mw.agent().post("/api/v1/login", "{\"login\":\"agent1\",\"password\":\"" + PW + "\"}"));
        expect(200, root.send("PATCH", USERS + "/agent1", "{\"enabled\":true}"));
        mw.agent().login("agent1", PW);
    }

    @Test
    void aGrantRemovedMidSessionRefusesTheNextControlRequest() throws Exception {
        AgentHttp agent = mw.agent().login("agent1", PW);
        cti.awaitAttached("agent1", WAIT);
        expect(200, agent.control("{\"name\":\"GetUserState\"}"));
        int sent = commandsOf("agent1", "GetUserState").size();

        expect(200, root.send("PATCH", USERS + "/agent1", "{\"grants\":[\"events\"]}"));

        HttpResponse<String> refused = expect(403, agent.control("{\"name\":\"GetUserState\"}"));
        assertTrue(json(refused).get("type").asText().endsWith("/forbidden"), refused.body());
        assertTrue(json(refused).get("detail").asText().contains("control:GetUserState"), refused.body());
        int events = agent.get("/api/v1/events").statusCode();
        assertTrue(events == 200 || events == 204, "events still granted: " + events);
        assertEquals(sent, commandsOf("agent1", "GetUserState").size(), "nothing reached the CTI");
    }

    @Test
    void theLastEnabledAdminCannotBeBlockedOrDemoted() throws Exception {
        HttpResponse<String> block = expect(409, root.send("PATCH", USERS + "/root", "{\"enabled\":false}"));
        assertTrue(json(block).get("type").asText().endsWith("/last-admin"), block.body());
        expect(409, root.send("PATCH", USERS + "/root", "{\"role\":\"agent\"}"));
        assertEquals("admin", json(expect(200, root.get(USERS + "/root"))).get("role").asText());

        addUser("{\"login\":\"root2\",\"password\":\"" + PW + "\",\"role\":\"admin\"}");
        expect(200, root.send("PATCH", USERS + "/root", "{\"role\":\"agent\"}"));
        expect(403, root.get(USERS));
        AgentHttp root2 = mw.agent().login("root2", PW);
        expect(409, root2.send("PATCH", USERS + "/root2", "{\"enabled\":false}"));
    }

    @Test
    void usersAreListedAddedAndValidatedSessionsListedAndEnded() throws Exception {
        AgentHttp agent = mw.agent().login("agent1", PW);
        cti.awaitAttached("agent1", WAIT);
        HttpResponse<String> unknownGrant = expect(400, root.post(USERS,
                "{\"login\":\"carol\",\"password\":\"" + PW + "\",\"grants\":[\"control:Fly\"]}"));
        assertTrue(json(unknownGrant).get("detail").asText().contains("control:Fly"), unknownGrant.body());
        expect(400, root.post(USERS, "{\"login\":\"carol\",\"password\":\"" + PW + "\",\"admin\":true}"));
        expect(400, root.post(USERS, "{\"login\":\"carol\",\"password\":\"" + PW + "\",\"grants\":\"events\"}"));
        expect(404, root.get(USERS + "/carol"));
        addUser("{\"login\":\"carol\",\"password\":\"" + PW + "\",\"grants\":[\"events\"]}");
        assertTrue(json(expect(409, root.post(USERS, "{\"login\":\"carol\",\"password\":\"" + PW + "\"}")))
                .get("type").asText().endsWith("/user-exists"));
        expect(400, root.send("PATCH", USERS + "/carol", "{\"enabled\":\"no\"}"));
        expect(400, root.send("PATCH", USERS + "/carol", "{\"grant\":[]}"));
        expect(404, root.send("PATCH", USERS + "/ghost", "{\"enabled\":false}"));
        expect(400, root.get(USERS + "?limit=0"));
        expect(400, root.get(USERS + "?sort=login"));

        JsonNode page = json(expect(200, root.get(USERS + "?role=agent&limit=1")));
        assertEquals("agent1", page.get("users").get(0).get("login").asText());
        assertEquals(1, page.get("users").get(0).get("activeSessions").asInt());
        assertEquals("agent1", page.get("next").asText());
        JsonNode rest = json(expect(200, root.get(USERS + "?role=agent&limit=1&after=agent1")));
        assertEquals(List.of("carol", "null"), List.of(rest.get("users").get(0).get("login").asText(),
                rest.get("next").asText()));
        assertEquals(List.of("events"), List.of(rest.get("users").get(0).get("grants").get(0).asText()));
        assertEquals(0, json(expect(200, root.get(USERS + "?q=aro&enabled=false"))).get("users").size());

        JsonNode listed = null;
        for (JsonNode s : json(expect(200, root.get(SESSIONS))).get("sessions")) {
            if (s.get("id").asText().equals(idOf(agent))) {
                listed = s;
            }
        }
        assertEquals(List.of("agent1", "127.0.0.1"), List.of(listed.get("login").asText(),
                listed.get("clientAddress").asText()));
        assertTrue(listed.get("cursorLag").asLong() >= 0 && listed.has("since") && listed.has("lastSeenAt"), listed.toString());
        expect(404, root.send("DELETE", SESSIONS + "/" + new SessionToken(agent.token()).hash().hex(), null));

        expect(204, root.send("DELETE", SESSIONS + "/" + idOf(agent), null));

        expect(401, agent.get("/api/v1/session"));
        cti.awaitCommand(c -> c.is("DetachFromUser") && "agent1".equals(c.login()), WAIT);
        expect(404, root.send("DELETE", SESSIONS + "/" + idOf(agent), null));
    }

    private static Map<String, Integer> row(int events, int getUserState, int getCalls, boolean admin) {
        Map<String, Integer> row = new LinkedHashMap<>();
        row.put("GET session", 200);
        row.put("events", events);
        row.put("control:GetUserState", getUserState);
        row.put("control:GetCalls", getCalls);
        row.put("GET users", admin ? 200 : 403);
        row.put("POST users", admin ? 201 : 403);
        row.put("GET user", admin ? 200 : 403);
        row.put("PATCH user", admin ? 200 : 403);
        row.put("GET sessions", admin ? 200 : 403);
        row.put("DELETE session", admin ? 204 : 403);
        row.put("POST logout", 204);
        return row;
    }

    /** The admin API's id of a client's session: the start of its token's hash, never the hash itself. */
    static String idOf(AgentHttp client) {
        return new SessionToken(client.token()).hash().hex().substring(0, Session.ID_LENGTH);
    }
}
