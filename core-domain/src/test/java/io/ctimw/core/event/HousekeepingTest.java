package io.ctimw.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.PendingEvent;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.TokenHash;
import io.ctimw.core.port.out.StoreUnavailableException;
import io.ctimw.core.model.AuditAction;
import io.ctimw.core.model.AuditEntry;
import io.ctimw.core.testing.InMemoryAuditArchive;
import io.ctimw.core.testing.InMemoryEventStore;
import io.ctimw.core.testing.InMemorySessionStore;
import io.ctimw.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A round expires sessions and deletes events past retention (and survives a failing store); positions are flushed on demand. */
class HousekeepingTest {
    private static final Login AGENT = new Login("agent1");
    private static final Duration RETENTION = Duration.ofDays(7);
    private static final Duration AUDIT_RETENTION = Duration.ofDays(365);
    private final MutableClock clock = MutableClock.at("2026-03-01T00:00:00Z");
    private final InMemoryEventStore events = new InMemoryEventStore();
    private final InMemorySessionStore sessions = new InMemorySessionStore();
    private final DeliveryPositions positions = new DeliveryPositions(sessions, (hash, cursor) -> { });
    private final InMemoryAuditArchive audit = new InMemoryAuditArchive();
    private final AtomicInteger expiryRounds = new AtomicInteger();
    private final Housekeeping housekeeping = new Housekeeping(expiryRounds::incrementAndGet, positions, events, clock,
            RETENTION, audit, AUDIT_RETENTION);

    private void storeEventReceivedAt(Instant at) {
        events.append(List.of(new PendingEvent(AGENT, "E", "{}", at)));
    }

    @Test
    void aRoundExpiresSessionsAndDeletesOnlyEventsPastRetention() {
        Instant cutoff = clock.instant().minus(RETENTION);
        storeEventReceivedAt(cutoff.minusMillis(1));
        storeEventReceivedAt(cutoff);
        storeEventReceivedAt(clock.instant());

        housekeeping.housekeeping();

        assertEquals(1, expiryRounds.get());
        assertEquals(2, events.size(), "only the event received before the cutoff is gone");
        assertEquals(List.of(2L, 3L), events.after(AGENT, 0, 10).stream().map(e -> e.cursor()).toList());
    }

    @Test
    void aFailingStoreDoesNotEscapeTheRoundAndTheNextRoundCatchesUp() {
        storeEventReceivedAt(clock.instant());
        events.setAvailable(false);
        clock.advance(RETENTION.plusSeconds(1));

        housekeeping.housekeeping(); // logged, not thrown: the scheduler must keep running it

        events.setAvailable(true);
        assertEquals(1, events.size());
        housekeeping.housekeeping();
        assertEquals(0, events.size());
        assertEquals(2, expiryRounds.get());
    }

    private static AuditEntry deniedAt(Instant at) {
        return AuditEntry.event(at, AuditAction.ADMIN_DENIED, AGENT, null, "role admin", null);
    }

    @Test
    void aRoundDeletesOnlyAuditEntriesPastTheAuditRetention() {
        Instant cutoff = clock.instant().minus(AUDIT_RETENTION);
        audit.append(List.of(deniedAt(cutoff.minusMillis(1)), deniedAt(cutoff), deniedAt(clock.instant())));

        housekeeping.housekeeping();

        assertEquals(List.of(deniedAt(cutoff), deniedAt(clock.instant())), audit.entries());
    }

    @Test
    void aFailingEventStoreDoesNotStopTheAuditRetentionNorTheOtherWayRound() {
        Instant old = clock.instant().minus(AUDIT_RETENTION).minusSeconds(1);
        audit.append(List.of(deniedAt(old)));
        storeEventReceivedAt(clock.instant().minus(RETENTION).minusSeconds(1));
        events.setAvailable(false);

        housekeeping.housekeeping();

        assertEquals(List.of(), audit.entries(), "the audit retention ran although the events could not be purged");
        events.setAvailable(true);
        audit.append(List.of(deniedAt(old)));
        audit.setAvailable(false);
        housekeeping.housekeeping();
        assertEquals(0, events.size(), "the events were purged although the audit archive was down");
    }

    @Test
    void theCommandLedgerIsPurgedEvenWhenTheOtherChoresFail() {
        AtomicInteger ledgerPurges = new AtomicInteger();
        events.setAvailable(false);
        Housekeeping round = new Housekeeping(expiryRounds::incrementAndGet, positions, events, clock, RETENTION,
                audit, AUDIT_RETENTION, () -> {
                    throw new IllegalStateException("request log down");
                }, ledgerPurges::incrementAndGet);

        round.housekeeping();

        assertEquals(1, ledgerPurges.get());
    }

    @Test
    void flushingWritesTheRecordedPositionsToTheStore() {
        TokenHash hash = new TokenHash("c".repeat(64));
        Session session = new Session(hash, AGENT, clock.instant(), clock.instant(), clock.instant().plusSeconds(3600), 0);
        sessions.save(session);
        positions.delivered(session, 12);
        assertEquals(0, sessions.find(hash).orElseThrow().deliveredCursor(), "written behind, not at once");

        housekeeping.flushDeliveryPositions();

        assertEquals(12, sessions.find(hash).orElseThrow().deliveredCursor());
    }

    @Test
    void aFailedFlushKeepsThePositionsForTheNextOne() {
        TokenHash hash = new TokenHash("d".repeat(64));
        Session session = new Session(hash, AGENT, clock.instant(), clock.instant(), clock.instant().plusSeconds(3600), 0);
        sessions.save(session);
        positions.delivered(session, 4);
        sessions.setAvailable(false);
        assertThrows(StoreUnavailableException.class, housekeeping::flushDeliveryPositions);
        sessions.setAvailable(true);

        housekeeping.flushDeliveryPositions();

        assertEquals(4, sessions.find(hash).orElseThrow().deliveredCursor());
    }
}
