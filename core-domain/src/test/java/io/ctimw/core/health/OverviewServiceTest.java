package io.ctimw.core.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.CoreFixture;
import io.ctimw.core.model.AuditAction;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.Overview;
import io.ctimw.core.model.Password;
import io.ctimw.core.model.Role;
import io.ctimw.core.model.Session;
import io.ctimw.core.port.in.AccessDeniedException;
import io.ctimw.core.testing.RecordingCtiListener;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dashboard's figures: administrators only, agents (not administrators) online, a database outage as a figure. */
class OverviewServiceTest {
    private final CoreFixture f = new CoreFixture();
    private final AtomicLong received = new AtomicLong();
    private final LinkHistory link = new LinkHistory(new RecordingCtiListener(), f.clock);
    private final OverviewService overview = new OverviewService(f.core.access, f.core.readiness,
            new OverviewService.Online(f.sessions, f.core.directory, () -> CoreFixture.POLICY.idleTimeout()), link,
            new EventFlow(received::get, f.clock), Set.of("Hold", "Answer"), f.clock);

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private Session admin() {
        f.core.users.add(new Login("boss"), new Password(CoreFixture.PASSWORD), Role.ADMIN);
        return f.session(f.login("boss"));
    }

    @Test
    void anAdministratorSeesTheAgentsOnlineWithoutAdministratorsAndTheCatalog() {
        Session boss = admin();
        f.login("agent1");
        f.login("agent1");
        f.login("agent2");
        link.onLinkUp();

        Overview o = overview.overview(boss);

        assertTrue(o.database());
        assertTrue(o.ctiLinkUp());
        assertEquals(f.clock.instant(), o.ctiLinkSince());
        assertNull(o.lastReconnectAt());
        assertEquals(2, o.agentsOnline());
        assertEquals(List.of("Answer", "Hold"), o.commands());
        assertNull(o.eventsPerSecond(), "one reading gives no rate yet");
    }

    @Test
    void anUnreachableDatabaseIsAFigureNotAFailure() {
        Session boss = admin();
        f.events.setAvailable(false);

        Overview o = overview.overview(boss);

        assertFalse(o.database());
        assertNull(o.agentsOnline());
    }

    @Test
    void anAgentIsRefusedAndTheAttemptAudited() {
        Session agent = f.session(f.login("agent1"));

        assertThrows(AccessDeniedException.class, () -> overview.overview(agent));
        assertEquals(1, f.audit.of(AuditAction.ADMIN_DENIED).size());
    }

    @Test
    void theLinkRemembersItsLastReconnect() {
        link.onLinkUp();
        f.clock.advance(Duration.ofSeconds(5));
        link.onLinkDown("test");
        assertEquals(new LinkHistory.State(false, f.clock.instant(), null), link.state());
        f.clock.advance(Duration.ofSeconds(3));
        link.onLinkDown("still down");
        assertEquals(f.clock.instant().minusSeconds(3), link.state().since(), "down since the first report");
        f.clock.advance(Duration.ofSeconds(2));
        link.onLinkUp();
        assertEquals(new LinkHistory.State(true, f.clock.instant(), f.clock.instant()), link.state());
    }
}
