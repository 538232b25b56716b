package io.ctimw.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.CoreFixture;
import io.ctimw.core.model.AuditAction;
import io.ctimw.core.model.AuditEntry;
import io.ctimw.core.model.ControlRequest;
import io.ctimw.core.model.ControlResult;
import io.ctimw.core.model.EventQuery;
import io.ctimw.core.model.Entitlements;
import io.ctimw.core.model.Grant;
import io.ctimw.core.model.Grants;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.Password;
import io.ctimw.core.model.Role;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.User;
import io.ctimw.core.port.in.AccessDeniedException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Grants and roles are checked by the core on every request, before anything reaches the CTI. */
class AccessGuardTest {
    private final CoreFixture f = new CoreFixture();

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private void grant(String login, Grant... grants) {
        User user = f.users.find(new Login(login)).orElseThrow().withGrants(Grants.of(grants));
        f.users.update(user);
        f.core.directory.changed(user); // as the admin API does on this instance
    }

    /** What a desk shows is what the guard lets through: the same grants decide both, the next request sees a change. */
    @Test
    void entitlementsListTheCommandsTheGrantsCoverAndTheStatesOnlyWithChangeUserState() {
        Session session = f.session(f.login("agent1"));
        Entitlements all = f.core.control.entitlements(session);
        assertEquals(Role.AGENT, all.role());
        assertEquals(List.of("Answer", "Hangup", "Hold", "Mute"), all.commands().subList(0, 4), "catalog order");
        assertTrue(all.commands().contains("ChangeUserState") && all.commands().contains("GetCalls"), all.commands().toString());
        assertEquals(List.of("away", "custom1", "custom2", "custom3", "dnd", "normal"), all.states());

        grant("agent1", Grant.EVENTS, Grant.control("Hangup"), Grant.control("Answer"));
        Entitlements two = f.core.control.entitlements(session);
        assertEquals(List.of("Answer", "Hangup"), two.commands());
        assertEquals(List.of(), two.states(), "no ChangeUserState, no states to offer");
        assertEquals(List.of("control:Answer", "control:Hangup", "events"), two.grants().names());

        grant("agent1");
        assertEquals(List.of(), f.core.control.entitlements(session).commands());
    }

    @Test
    void aCommandOutsideTheGrantsIsDeniedAndNeverSent() throws Exception {
        Session session = f.session(f.login("agent1"));
        grant("agent1", Grant.EVENTS, Grant.control("GetCalls"));
        int sentBefore = f.cti.sent().size();

        AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                () -> f.core.control.control(session, new ControlRequest("Hold", Map.of("cid", "1"))));

        assertEquals("control:Hold", denied.missing());
        assertEquals(sentBefore, f.cti.sent().size(), "nothing reached the CTI");
        AuditEntry audited = f.audit.of(AuditAction.FORBIDDEN_METHOD).get(0);
        assertEquals(new Login("agent1"), audited.actor());
        assertEquals("control:Hold", audited.target());
        ControlResult allowed = f.core.control.control(session, new ControlRequest("GetCalls", Map.of()))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertTrue(allowed instanceof ControlResult.DataReply, "a granted command still goes: " + allowed);
    }

    @Test
    void controlStarCoversEveryCommandButNotEvents() {
        Session session = f.session(f.login("agent1"));
        grant("agent1", Grant.ALL_CONTROL);
        AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                () -> f.core.events.poll(session, new EventQuery(OptionalLong.empty(), 10, Duration.ZERO)));
        assertEquals("events", denied.missing());
        f.core.access.require(session, Grant.control("MakeCall"));
    }

    @Test
    void anUnknownCommandIsInvalidWhateverTheGrants() throws Exception {
        Session session = f.session(f.login("agent1"));
        grant("agent1");
        ControlResult result = f.core.control.control(session, new ControlRequest("Explode", Map.of()))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertTrue(result instanceof ControlResult.Invalid, result.toString());
    }

    @Test
    void aGrantRemovedMidSessionAppliesToTheNextRequest() throws Exception {
        Session session = f.session(f.login("agent1"));
        f.poll(session, OptionalLong.empty(), Duration.ZERO);
        grant("agent1", Grant.ALL_CONTROL);
        assertThrows(AccessDeniedException.class, () -> f.poll(session, OptionalLong.empty(), Duration.ZERO));
    }

    @Test
    void anAdminIsNotAnAgentAndAnAgentIsNotAnAdmin() {
        f.core.users.add(new Login("root"), new Password(CoreFixture.PASSWORD), Role.ADMIN);
        Session admin = f.session(f.login("root"));
        Session agent = f.session(f.login("agent1"));
        f.core.access.requireAdmin(admin);
        assertEquals("role admin",
                assertThrows(AccessDeniedException.class, () -> f.core.access.requireAdmin(agent)).missing());
        assertEquals(new Login("agent1"), f.audit.of(AuditAction.ADMIN_DENIED).get(0).actor());
        assertEquals("events", assertThrows(AccessDeniedException.class,
                () -> f.core.access.require(admin, Grant.EVENTS)).missing());
    }

    @Test
    void aChangeMadeElsewhereIsSeenOnceTheEntryAges() {
        Session session = f.session(f.login("agent1"));
        f.core.access.require(session, Grant.EVENTS);
        f.users.update(f.users.find(new Login("agent1")).orElseThrow().withGrants(Grants.NONE)); // another process
        f.core.access.require(session, Grant.EVENTS); // still the cached grants
        f.clock.advance(CoreFixture.POLICY.touchInterval().plusSeconds(1));
        assertThrows(AccessDeniedException.class, () -> f.core.access.require(session, Grant.EVENTS));
    }
}
