package io.ctimw.app.middleware;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every security event this release records, caused through real HTTP, is in the audit trail that an
 * administrator reads back through {@code GET /api/v1/admin/audit} (stored in PostgreSQL, newest first).
 */
class AuditEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String AUDIT = "/api/v1/admin/audit";

    private TestDatabase db;
    private CtiSimulator cti;
    private MiddlewareHarness mw;

    @BeforeEach
    void start() {
        db = TestDatabase.create();
        cti = CtiSimulator.builder().operators("agent1", "agent2").build().start();
        mw = MiddlewareHarness.start(db, cti).withAgents("agent1", "agent2");
        mw.app().core().userAdministration().add(new Login("admin1"), new Password(MiddlewareHarness.PASSWORD), Role.ADMIN);
    }

    @AfterEach
    void stop() {
        mw.close();
        cti.close();
        db.close();
    }

    /** The entries with this action, as JSON, once the writer has stored at least {@code count} of them. */
    private static List<JsonNode> awaitEntries(AgentHttp admin, String action, int count) {
        return await("a stored " + action + " entry").atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> entries(admin, "?action=" + action), list -> list.size() >= count);
    }

    private static List<JsonNode> entries(AgentHttp admin, String query) throws Exception {
        HttpResponse<String> r = admin.get(AUDIT + query);
        assertEquals(200, r.statusCode(), r.body());
        List<JsonNode> out = new ArrayList<>();
        AgentHttp.JSON.readTree(r.body()).get("entries").forEach(out::add);
        return out;
    }

    private static Map<String, String> fields(JsonNode entry) {
        return Map.of("actor", entry.get("actor").asText("-"), "address", entry.get("address").asText("-"),
                "target", entry.get("target").asText("-"), "detail", entry.get("detail").asText("-"));
    }

    @Test
    void everySecurityEventCausedOverHttpIsInTheStoredTrailAndNothingForeignReachedTheCti() throws Exception {
        AgentHttp agent1 = mw.agent().login("agent1", MiddlewareHarness.PASSWORD);
        AgentHttp agent2 = mw.agent().login("agent2", MiddlewareHarness.PASSWORD);
        AgentHttp admin = mw.agent().login("admin1", MiddlewareHarness.PASSWORD);
        cti.awaitAttached("agent1", WAIT);
        cti.injectIncomingCall("agent1", "+100");
        String cid = EndToEndTest.last(agent1.awaitEvent("NewCall", WAIT), "NewCall").get("cid").asText();

        HttpResponse<String> wrongPassword = mw.agent().post("/api/v1/login",
                "{\"login\":\"agent1\",\"password\":\"not-the-password\"}");
        HttpResponse<String> adminReadsEvents = admin.get("/api/v1/events");
        HttpResponse<String> agentReadsAudit = agent1.get(AUDIT);
        HttpResponse<String> foreignHangup = agent2.control("{\"name\":\"Hangup\",\"cid\":\"" + cid + "\"}");

        assertEquals(401, wrongPassword.statusCode(), wrongPassword.body());
        assertEquals(403, adminReadsEvents.statusCode(), adminReadsEvents.body());
        assertEquals(403, agentReadsAudit.statusCode(), agentReadsAudit.body());
        assertEquals(404, foreignHangup.statusCode(), foreignHangup.body());
        assertTrue(cti.receivedCommands().stream().noneMatch(c -> c.is("Hangup")), cti.receivedCommands().toString());

        assertEquals(Map.of("actor", "-", "address", "127.0.0.1", "target", "agent1",
                "detail", "wrong password, unknown or disabled login"), fields(awaitEntries(admin, "login-failed", 1).get(0)));
        assertEquals(Map.of("actor", "admin1", "address", "-", "target", "events", "detail", "-"),
                fields(awaitEntries(admin, "forbidden-method", 1).get(0)));
        assertEquals(Map.of("actor", "agent1", "address", "-", "target", "role admin", "detail", "-"),
                fields(awaitEntries(admin, "admin-denied", 1).get(0)));
        assertEquals(Map.of("actor", "agent2", "address", "-", "target", cid, "detail", "Hangup"),
                fields(awaitEntries(admin, "foreign-call", 1).get(0)));
    }

    @Test
    void pagesFollowOneAnotherNewestFirstAndEntriesRecordedJustBeforeTheStopAreStored() throws Exception {
        AgentHttp admin = mw.agent().login("admin1", MiddlewareHarness.PASSWORD);
        for (int i = 1; i <= 3; i++) {
            mw.agent().post("/api/v1/login", "{\"login\":\"agent" + i + "\",\"password\":\"wrong-one\"}");
        }
        awaitEntries(admin, "login-failed", 3);

        JsonNode first = AgentHttp.JSON.readTree(admin.get(AUDIT + "?action=login-failed&limit=2").body());
        JsonNode second = AgentHttp.JSON.readTree(
                admin.get(AUDIT + "?action=login-failed&limit=2&before=" + first.get("next").asLong()).body());
        List<String> targets = new ArrayList<>();
        first.get("entries").forEach(e -> targets.add(e.get("target").asText()));
        second.get("entries").forEach(e -> targets.add(e.get("target").asText()));
        assertEquals(List.of("agent3", "agent2", "agent1"), targets);
        assertTrue(second.get("next").isNull());

        mw.agent().post("/api/v1/login", "{\"login\":\"last-one\",\"password\":\"wrong-one\"}");
        mw.close(); // the stop drains the audit buffer before it closes the database

        int stored = db.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from audit_trail where action = 'login-failed' and target = 'last-one'").mapTo(Integer.class).one());
        assertEquals(1, stored);
    }
}
