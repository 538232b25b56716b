package io.ctimw.app.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Run-time settings and the login throttle through real HTTP, on real PostgreSQL, against the CTI simulator. */
class LiveSettingsEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SETTINGS = "/api/v1/admin/settings";

    private final ListAppender<ILoggingEvent> audit = new ListAppender<>();
    private final Logger auditLogger = (Logger) LoggerFactory.getLogger("audit");
    private TestDatabase db;
    private CtiSimulator cti;
    private MiddlewareHarness mw;

    @BeforeEach
    void start() {
        audit.start();
        auditLogger.addAppender(audit);
        db = TestDatabase.create();
        cti = CtiSimulator.builder().operators("agent1", "agent2").allowedStates("normal", "away", "lunch").build().start();
        mw = MiddlewareHarness.start(db, cti).withAgents("agent1", "agent2");
        mw.app().core().userAdministration().add(new Login("boss"), new Password(MiddlewareHarness.PASSWORD), Role.ADMIN);
    }

    @AfterEach
    void stop() {
        auditLogger.detachAppender(audit);
        mw.close();
        cti.close();
        db.close();
    }

    private HttpResponse<String> changeState(AgentHttp agent, String state) throws Exception {
        return agent.control("{\"name\":\"ChangeUserState\",\"state\":\"" + state + "\"}");
    }

    private List<String> audited(String action) {
        return audit.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.startsWith(action)).toList();
    }

    @Test
    void aPatchAppliesToTheNextRequestIsAuditedAndOutlivesARestart() throws Exception {
        AgentHttp boss = mw.agent().login("boss", MiddlewareHarness.PASSWORD);
        AgentHttp agent = mw.agent().login("agent1", MiddlewareHarness.PASSWORD);
        cti.awaitAttached("agent1", WAIT);
        assertEquals(200, changeState(agent, "away").statusCode());

        HttpResponse<String> patched = boss.send("PATCH", SETTINGS, "{\"cti.allowed-states\":[\"normal\",\"lunch\"]}");

        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals(400, changeState(agent, "away").statusCode(), "applied to the very next request");
        assertEquals(200, changeState(agent, "lunch").statusCode());
        assertEquals(List.of("settings-changed by boss from - on cti.allowed-states: away,custom1,custom2,custom3,dnd,normal"
                + " -> lunch,normal (stored)"), audited("settings-changed"));
        HttpResponse<String> refused = agent.send("PATCH", SETTINGS, "{\"cti.allowed-states\":[\"away\"]}");
        assertEquals(403, refused.statusCode(), "agents may not change settings");
        HttpResponse<String> invalid = boss.send("PATCH", SETTINGS, "{\"sessions.idle-timeout\":\"forever\"}");
        assertEquals(400, invalid.statusCode());
        assertEquals("sessions.idle-timeout", AgentHttp.JSON.readTree(invalid.body()).get("setting").asText());

        mw.close();
        mw = MiddlewareHarness.start(db, cti);
        AgentHttp afterRestart = mw.agent().login("agent1", MiddlewareHarness.PASSWORD);
        cti.awaitAttached("agent1", WAIT);
        assertEquals(400, changeState(afterRestart, "away").statusCode(), "the stored value survives the restart");
        JsonNode allowed = setting(mw.agent().login("boss", MiddlewareHarness.PASSWORD), "cti.allowed-states");
        assertEquals("[\"lunch\",\"normal\"]", allowed.get("value").toString());
        assertTrue(allowed.get("stored").asBoolean());
    }

    @Test
    void theSixthAttemptIs429EvenWithTheRightPasswordWhileAnotherLoginLogsInUntilAnAdminUnblocksIt() throws Exception {
        AgentHttp boss = mw.agent().login("boss", MiddlewareHarness.PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login("agent1", "wrong-password").statusCode());
        }

        HttpResponse<String> sixth = login("agent1", MiddlewareHarness.PASSWORD);

        assertEquals(429, sixth.statusCode(), sixth.body());
        assertEquals("tag:ctimw.io,2026:problem/too-many-attempts", AgentHttp.JSON.readTree(sixth.body()).get("type").asText());
        long retryAfter = Long.parseLong(sixth.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 880 && retryAfter <= 900, "about the 15 min window: " + retryAfter);
        assertEquals(200, login("agent2", MiddlewareHarness.PASSWORD).statusCode(), "another login is not throttled");
        assertEquals(1, audited("login-throttled").size(), audit.list.toString());
        assertTrue(audited("login-throttled").get(0).contains("from 127.0.0.1 on agent1"), audited("login-throttled").toString());

        assertEquals(204, boss.send("DELETE", "/api/v1/admin/login-throttle/agent1", null).statusCode());
        assertEquals(200, login("agent1", MiddlewareHarness.PASSWORD).statusCode(), "unblocked at once");
        assertEquals(1, audited("login-throttle-reset by boss").size());
    }

    @Test
    void aLoweredLimitThrottlesTheNextFailureAndNullGoesBackToTheFilesValue() throws Exception {
        AgentHttp boss = mw.agent().login("boss", MiddlewareHarness.PASSWORD);
        assertEquals(200, boss.send("PATCH", SETTINGS, "{\"login-throttle.max-failures\":2}").statusCode());
        login("agent1", "wrong-password");
        login("agent1", "wrong-password");
        assertEquals(429, login("agent1", MiddlewareHarness.PASSWORD).statusCode());

        HttpResponse<String> back = boss.send("PATCH", SETTINGS, "{\"login-throttle.max-failures\":null}");
        assertEquals(200, back.statusCode(), back.body());
        JsonNode limit = setting(boss, "login-throttle.max-failures");
        assertEquals(5, limit.get("value").asInt());
        assertEquals(false, limit.get("stored").asBoolean());
    }

    private HttpResponse<String> login(String login, String password) throws Exception {
        return mw.agent().post("/api/v1/login", AgentHttp.JSON.createObjectNode().put("login", login)
                .put("password", password).toString());
    }

    private static JsonNode setting(AgentHttp admin, String name) throws Exception {
        HttpResponse<String> r = admin.get(SETTINGS);
        assertEquals(200, r.statusCode(), r.body());
        for (JsonNode s : AgentHttp.JSON.readTree(r.body()).get("settings")) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError(name + " not in " + r.body());
    }
}
