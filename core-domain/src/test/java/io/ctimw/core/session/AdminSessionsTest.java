package io.ctimw.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.CoreFixture;
import io.ctimw.core.model.AdminOutcome;
import io.ctimw.core.model.AuditAction;
import io.ctimw.core.model.LiveSession;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.LoginResult;
import io.ctimw.core.model.Password;
import io.ctimw.core.model.PendingEvent;
import io.ctimw.core.model.Role;
import io.ctimw.core.model.Session;
import io.ctimw.core.port.in.AccessDeniedException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The admin API's sessions in the core: who is logged in from where, how far behind, and ending one. */
class AdminSessionsTest {
    private static final Login ROOT = new Login("root");
    private static final Login AGENT1 = new Login("agent1");
    private final CoreFixture f = new CoreFixture();
    private final AdminSessions admin = f.core.adminSessions;
    private final Session root;

    AdminSessionsTest() {
        f.core.users.add(ROOT, new Password(CoreFixture.PASSWORD), Role.ADMIN);
        root = f.session(loggedIn(ROOT, "10.0.0.9"));
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private LoginResult.LoggedIn loggedIn(Login login, String address) {
        return assertInstanceOf(LoginResult.LoggedIn.class,
                f.core.authentication.login(login, new Password(CoreFixture.PASSWORD), address));
    }

    private LiveSession listed(Session session) {
        return admin.list(root).stream().filter(l -> l.session().tokenHash().equals(session.tokenHash()))
                .findFirst().orElseThrow();
    }

    @Test
    void theListShowsWhoFromWhereSinceWhenAndTheCursorLag() {
        Session agent = f.session(loggedIn(AGENT1, "192.0.2.7"));
        f.awaitStored();
        f.clock.advance(java.time.Duration.ofSeconds(5));
        LiveSession before = listed(agent);
        assertEquals(List.of(AGENT1, "192.0.2.7", agent.createdAt()),
                List.of(before.session().login(), before.session().clientAddress(), before.session().createdAt()));
        assertEquals(f.events.latestCursor(AGENT1) - agent.deliveredCursor(), before.cursorLag());
        f.events.append(List.of(new PendingEvent(AGENT1, "Extra", "{}", f.clock.instant())));
        assertEquals(before.cursorLag() + 1, listed(agent).cursorLag());
        assertEquals(List.of(AGENT1, ROOT), admin.list(root).stream().map(l -> l.session().login()).toList());
    }

    @Test
    void endingASessionByItsIdLogsItOutReleasesThePhoneAndIsAudited() {
        LoginResult.LoggedIn in = loggedIn(AGENT1, "192.0.2.7");
        Session agent = f.session(in);
        assertInstanceOf(AdminOutcome.NotFound.class, admin.end(root, agent.tokenHash().hex()), "never by the hash");
        assertInstanceOf(AdminOutcome.NotFound.class, admin.end(root, "0123456789abcdef"));
        assertTrue(f.core.authentication.authenticate(in.token()).isPresent());

        assertEquals(agent.tokenHash(),
                ((AdminOutcome.Done<Session>) admin.end(root, agent.id())).value().tokenHash());

        assertTrue(f.core.authentication.authenticate(in.token()).isEmpty());
        assertTrue(f.sessions.find(agent.tokenHash()).isEmpty());
        assertTrue(f.cti.detachRequests().contains(AGENT1));
        var entry = f.audit.of(AuditAction.SESSION_ENDED).get(0);
        assertEquals(List.of(ROOT, "agent1", "session " + agent.id()),
                List.of(entry.actor(), entry.target(), entry.detail()));
        assertFalse(entry.toString().contains(agent.tokenHash().hex()));
    }

    @Test
    void anAgentCanNeitherListNorEndSessions() {
        Session agent = f.session(loggedIn(AGENT1, "192.0.2.7"));
        assertThrows(AccessDeniedException.class, () -> admin.list(agent));
        assertThrows(AccessDeniedException.class, () -> admin.end(agent, root.id()));
        assertTrue(f.sessions.find(root.tokenHash()).isPresent());
    }
}
