package io.ctimw.core;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.ctimw.core.control.CommandCatalog;
import io.ctimw.core.model.EventQuery;
import io.ctimw.core.model.Grants;
import io.ctimw.core.model.Role;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.LoginResult;
import io.ctimw.core.model.Password;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.SessionToken;
import io.ctimw.core.model.StoredEvent;
import io.ctimw.core.model.SessionPolicy;
import io.ctimw.core.testing.Await;
import io.ctimw.core.testing.CoreTestGraph;
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
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The whole core (every part in reach) over in-memory fakes and a clock that only moves when told. */
public final class CoreFixture implements AutoCloseable {
    public static final String PASSWORD = "correct-horse";
    public static final SessionPolicy POLICY = new SessionPolicy(Duration.ofHours(1), Duration.ofHours(12), Duration.ofSeconds(30));

    public final MutableClock clock = MutableClock.at("2026-01-01T10:00:00Z");
    public final FakeCtiGateway cti = new FakeCtiGateway("agent1", "agent2", "agent3");
    public final InMemorySessionStore sessions = new InMemorySessionStore();
    public final InMemoryUserStore users = new InMemoryUserStore(sessions);
    public final InMemoryEventStore events = new InMemoryEventStore();
    public final FakePasswordHasher hasher = new FakePasswordHasher();
    public final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    public final InMemoryAuditArchive auditArchive = new InMemoryAuditArchive();
    private final AtomicInteger tokenCounter = new AtomicInteger();
    public final CoreTestGraph core;

    public CoreFixture() {
        core = new CoreTestGraph(new CorePorts(users, sessions, events, cti, hasher,
                () -> new SessionToken(String.format("tok%040d", tokenCounter.incrementAndGet())), clock, audit,
                auditArchive),
                new CoreSettings(POLICY, CommandCatalog.DEFAULT_ALLOWED_STATES, 1000, 50,
                        Duration.ofDays(1), 2, Grants.ALL));
        core.users.add(new Login("agent1"), new Password(PASSWORD), Role.AGENT);
        core.users.add(new Login("agent2"), new Password(PASSWORD), Role.AGENT);
        core.start();
        cti.linkUp();
    }

    public LoginResult.LoggedIn login(String login) {
        return assertInstanceOf(LoginResult.LoggedIn.class, core.authentication.login(new Login(login), new Password(PASSWORD)));
    }

    public Session session(LoginResult.LoggedIn loggedIn) {
        return core.authentication.authenticate(loggedIn.token()).orElseThrow();
    }

    public List<StoredEvent> poll(Session session, OptionalLong after, Duration wait) throws Exception {
        return core.events.poll(session, new EventQuery(after, 100, wait)).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Waits until the journal has stored everything queued so far. */
    public void awaitStored() {
        Await.until(() -> core.journal.pending() == 0, Duration.ofSeconds(5), "journal did not drain");
        long target = core.journal.appended();
        Await.until(() -> core.journal.appended() >= target, Duration.ofSeconds(5), "journal did not write");
    }

    /** Polls (without waiting) until the session sees an event with this name. */
    public List<StoredEvent> awaitEvents(Session session, String name) {
        return await("a " + name + " for " + session.login()).atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> events.after(session.login(), 0, 1000), all -> all.stream().anyMatch(e -> e.name().equals(name)));
    }

    @Override
    public void close() throws Exception {
        core.close();
    }
}
