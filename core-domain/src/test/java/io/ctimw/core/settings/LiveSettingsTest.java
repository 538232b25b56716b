package io.ctimw.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.CoreFixture;
import io.ctimw.core.CoreSettings;
import io.ctimw.core.model.AuditAction;
import io.ctimw.core.model.ControlRequest;
import io.ctimw.core.model.ControlResult;
import io.ctimw.core.model.Grants;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.Password;
import io.ctimw.core.model.Role;
import io.ctimw.core.model.Session;
import io.ctimw.core.port.in.AccessDeniedException;
import io.ctimw.core.port.in.InvalidSettingException;
import io.ctimw.core.port.in.SettingsUseCase.SettingView;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Run-time settings: validated, applied to the very next request, audited, and stored over the file's values. */
class LiveSettingsTest {
    private final CoreFixture f = new CoreFixture();
    private final Session boss;

    LiveSettingsTest() {
        f.core.users.add(new Login("boss"), new Password(CoreFixture.PASSWORD), Role.ADMIN);
        boss = f.session(f.login("boss"));
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private List<SettingView> patch(Object... kv) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            changes.put((String) kv[i], kv[i + 1]);
        }
        return f.core.settings.change(boss, changes);
    }

    private ControlResult changeState(Session session, String state) throws Exception {
        return f.core.control.control(session, new ControlRequest("ChangeUserState", Map.of("state", state)))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static SettingView view(List<SettingView> views, String name) {
        return views.stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void changedAllowedStatesDecideTheNextChangeUserStateAndNullGoesBackToTheFile() throws Exception {
        Session agent = f.session(f.login("agent1"));
        assertInstanceOf(ControlResult.Accepted.class, changeState(agent, "away"));

        List<SettingView> after = patch("cti.allowed-states", List.of("normal", "lunch"));

        assertEquals(new SettingView("cti.allowed-states", List.of("lunch", "normal"),
                List.of("away", "custom1", "custom2", "custom3", "dnd", "normal"), true), view(after, "cti.allowed-states"));
        ControlResult refused = changeState(agent, "away");
        assertTrue(assertInstanceOf(ControlResult.Invalid.class, refused).detail().contains("[lunch, normal]"), refused.toString());
        assertInstanceOf(ControlResult.Accepted.class, changeState(agent, "lunch"));

        HashMap<String, Object> back = new HashMap<>();
        back.put("cti.allowed-states", null);
        assertFalse(view(f.core.settings.change(boss, back), "cti.allowed-states").stored());
        assertInstanceOf(ControlResult.Accepted.class, changeState(agent, "away"));
    }

    @Test
    void aShorterIdleTimeoutEndsSessionsIdleLongerThanIt() {
        var agent = f.login("agent1");
        f.clock.advance(Duration.ofMinutes(20));
        assertTrue(f.core.authentication.authenticate(agent.token()).isPresent());

        patch("sessions.idle-timeout", "10m");
        f.clock.advance(Duration.ofMinutes(11));

        assertTrue(f.core.authentication.authenticate(agent.token()).isEmpty());
    }

    @Test
    void newAgentsGetTheChangedDefaultGrants() {
        patch("users.default-grants", List.of("events", "control:Answer"));
        assertEquals(List.of("control:Answer", "events"),
                f.core.users.add(new Login("agent3"), new Password(CoreFixture.PASSWORD), Role.AGENT).grants().names());
    }

    @Test
    void anUnknownSettingOrAnInvalidValueIsNamedAndNothingChanges() {
        List<SettingView> before = f.core.settings.settings(boss);
        Map<String, Object> cases = new LinkedHashMap<>();
        cases.put("http.port", 80);
        cases.put("cti.allowed-states", List.of());
        cases.put("users.default-grants", List.of("control:Teleport"));
        cases.put("login-throttle.max-failures", 0);
        cases.put("login-throttle.window", "15 minutes");
        cases.put("request-log.retention", "10m");
        cases.put("sessions.idle-timeout", "13h");
        cases.forEach((name, value) -> {
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("sessions.idle-timeout", "20m"); // valid, but must not apply when another change is invalid
            changes.put(name, value);
            InvalidSettingException e = assertThrows(InvalidSettingException.class,
                    () -> f.core.settings.change(boss, changes), name);
            assertEquals(name, e.setting());
        });
        assertEquals(before, f.core.settings.settings(boss));
        assertTrue(f.audit.of(AuditAction.SETTINGS_CHANGED).isEmpty());
    }

    @Test
    void onlyAdministratorsReadOrChangeSettingsAndEachChangeIsAuditedWithBeforeAndAfter() {
        Session agent = f.session(f.login("agent1"));
        assertThrows(AccessDeniedException.class, () -> f.core.settings.settings(agent));
        assertThrows(AccessDeniedException.class, () -> f.core.settings.change(agent, Map.of("login-throttle.window", "1m")));

        patch("login-throttle.window", "900s", "request-log.retention", "7d");
        patch("request-log.retention", "7d"); // no change: not audited

        List<List<String>> changes = f.audit.of(AuditAction.SETTINGS_CHANGED).stream().map(e -> List.of(
                e.actor().value(), e.target(), e.before(), e.after(), e.detail())).toList();
        assertEquals(List.of(List.of("boss", "login-throttle.window", "15m", "15m", "stored"), // now pinned over the file
                List.of("boss", "request-log.retention", "30d", "7d", "stored")), changes);
        assertEquals(Duration.ofDays(7), f.core.live.requestLogRetention());
        assertEquals(2, f.audit.of(AuditAction.ADMIN_DENIED).size());
    }

    @Test
    void storedValuesOutliveTheInstanceAndOneThatNoLongerFitsTheFileIsSkipped() {
        patch("sessions.idle-timeout", "2h", "login-throttle.max-failures", 3);
        CoreSettings file = new CoreSettings(CoreFixture.POLICY, java.util.Set.of("normal"), 10, 10,
                Duration.ofDays(1), 1, Grants.ALL);
        java.time.Duration shorterAbsolute = Duration.ofMinutes(90);

        LiveSettings restarted = new LiveSettings(io.ctimw.core.RunTimeParts.fromFile(file), new io.ctimw.core.model.SessionPolicy(
                Duration.ofHours(1), shorterAbsolute, Duration.ofSeconds(30)), f.core.ports.settings());
        restarted.reload();

        assertEquals(3, restarted.throttle().maxFailures());
        assertEquals(Duration.ofHours(1), restarted.sessionPolicy().idleTimeout(), "2h is past the new absolute timeout");
    }
}
