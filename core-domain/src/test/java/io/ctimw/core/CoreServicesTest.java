package io.ctimw.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.control.CommandCatalog;
import io.ctimw.core.model.ControlRequest;
import io.ctimw.core.model.ControlResult;
import io.ctimw.core.model.CoreCounters;
import io.ctimw.core.model.EventQuery;
import io.ctimw.core.model.Grants;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.Role;
import io.ctimw.core.model.LoginResult;
import io.ctimw.core.model.Password;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.SessionToken;
import io.ctimw.core.model.StoredEvent;
import io.ctimw.core.testing.FakeCtiGateway;
import io.ctimw.core.testing.FakePasswordHasher;
import io.ctimw.core.testing.InMemoryAuditArchive;
import io.ctimw.core.testing.InMemoryAuditTrail;
import io.ctimw.core.testing.InMemoryEventStore;
import io.ctimw.core.testing.InMemorySessionStore;
import io.ctimw.core.testing.InMemoryUserStore;
import io.ctimw.core.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The production root, driven only through the use cases it exposes, as the app drives it. */
class CoreServicesTest {
    private final MutableClock clock = MutableClock.at("2026-01-01T10:00:00Z");
    private final FakeCtiGateway cti = new FakeCtiGateway("agent1");
    private final InMemorySessionStore sessions = new InMemorySessionStore();

    private CoreServices core() {
        return new CoreServices(new CorePorts(new InMemoryUserStore(), sessions, new InMemoryEventStore(),
                cti, new FakePasswordHasher(), () -> new SessionToken("t".repeat(40)), clock,
                new InMemoryAuditTrail(), new InMemoryAuditArchive()),
                new CoreSettings(CoreFixture.POLICY, CommandCatalog.DEFAULT_ALLOWED_STATES, 100, 10,
                        Duration.ofDays(1), 1, Grants.ALL),
                new io.ctimw.core.testing.InMemoryRequestLogStore(), io.ctimw.core.model.RequestLogSettings.defaults());
    }

    private static LoginResult.LoggedIn logIn(CoreServices core) {
        return assertInstanceOf(LoginResult.LoggedIn.class,
                core.authentication().login(new Login("agent1"), new Password(CoreFixture.PASSWORD)));
    }

    /** Long-polls from the session's position: the attach's events arrive. */
    private static List<StoredEvent> firstEvents(CoreServices core, Session session) throws Exception {
        return core.events().poll(session, new EventQuery(OptionalLong.empty(), 100, Duration.ofSeconds(5)))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void anAgentLogsInReadsItsEventsControlsItsPhoneAndItsPositionIsWrittenBehind() throws Exception {
        CoreServices core = core();
        try {
            core.userAdministration().add(new Login("agent1"), new Password(CoreFixture.PASSWORD), Role.AGENT);
            core.start();
            cti.linkUp();
            LoginResult.LoggedIn in = logIn(core);
            Session session = core.authentication().authenticate(in.token()).orElseThrow();

            List<StoredEvent> got = firstEvents(core, session);
            assertFalse(got.isEmpty(), "the attach's UserState reaches the agent");
            assertTrue(core.readiness().check().ready());
            assertInstanceOf(ControlResult.Accepted.class, core.control().control(session,
                    new ControlRequest("ChangeUserState", Map.of("state", "normal"))).toCompletableFuture().get());

            core.maintenance().flushDeliveryPositions();
            assertEquals(got.get(got.size() - 1).cursor(), sessions.find(in.token().hash()).orElseThrow()
                    .deliveredCursor());
            clock.advance(Duration.ofHours(2));
            core.maintenance().housekeeping();
            assertTrue(sessions.find(in.token().hash()).isEmpty(), "the idle session expired");
            assertTrue(cti.detachRequests().contains(new Login("agent1")));
        } finally {
            core.close();
        }
    }

    @Test
    void monitoringReadsWhatTheJournalAndTheLinkCount() throws Exception {
        CoreServices core = core();
        try {
            core.userAdministration().add(new Login("agent1"), new Password(CoreFixture.PASSWORD), Role.AGENT);
            assertEquals(new CoreCounters(0, 0, 0, 0, false, 0), core.monitoring().counters());
            assertTrue(core.monitoring().commandNames().containsAll(List.of("Answer", "MakeCall", "GetCalls")));
            core.start();
            cti.linkUp();
            LoginResult.LoggedIn in = logIn(core);
            Session session = core.authentication().authenticate(in.token()).orElseThrow();
            List<StoredEvent> got = firstEvents(core, session);

            CoreCounters counters = core.monitoring().counters();
            assertTrue(counters.eventsStored() >= got.size(), counters.toString());
            assertTrue(counters.eventsReceived() >= counters.eventsStored(), counters.toString());
            assertTrue(counters.ctiLinkUp());
            assertEquals(1, counters.attachedPhones());
            cti.linkDown("test");
            assertFalse(core.monitoring().counters().ctiLinkUp());
        } finally {
            core.close();
        }
    }
}
