package io.ctimw.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ctimw.adapters.postgres.testing.TestDatabase;
import io.ctimw.core.model.AuditAction;
import io.ctimw.core.model.AuditEntry;
import io.ctimw.core.model.AuditQuery;
import io.ctimw.core.model.StoredAuditEntry;
import io.ctimw.core.port.out.AuditArchive;
import io.ctimw.core.testing.Await;
import io.ctimw.core.testing.InMemoryAuditArchive;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The buffered trail on real PostgreSQL: batches, waits out an outage without losing an entry, drains at stop. */
class BufferedAuditTrailTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    private TestDatabase db;
    private EmbeddedDatabase server;
    private PostgresDatabase database;
    private BufferedAuditTrail trail;

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (trail != null) {
            trail.close(Duration.ZERO);
        }
        if (database != null) {
            database.close();
        }
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private static AuditEntry entry(int n) {
        return AuditEntry.event(T0.plusMillis(n), AuditAction.LOGIN_FAILED, null, "192.0.2.1", "login" + n, null);
    }

    private static List<AuditEntry> entries(int from, int to) {
        return IntStream.range(from, to).mapToObj(BufferedAuditTrailTest::entry).toList();
    }

    /** Every stored entry, oldest first. */
    private static List<AuditEntry> storedIn(AuditArchive archive) {
        List<AuditEntry> newestFirst = new java.util.ArrayList<>(archive.page(AuditQuery.newest(AuditQuery.MAX_LIMIT))
                .entries().stream().map(StoredAuditEntry::entry).toList());
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** The real archive behind a hook that sees (counts, or refuses) each batch on its way. */
    private record HookedArchive(AuditArchive real, java.util.function.Consumer<List<AuditEntry>> hook)
            implements AuditArchive {
        @Override
        public void append(List<AuditEntry> entries) {
            hook.accept(entries);
            real.append(entries);
        }

        @Override
        public io.ctimw.core.model.AuditPage page(AuditQuery query) {
            return real.page(query);
        }

        @Override
        public int deleteRecordedBefore(Instant cutoff) {
            return real.deleteRecordedBefore(cutoff);
        }
    }

    @Test
    void queuedEntriesAreStoredInBatchesOfAtMostTheBatchSizeInTheirOrder() throws InterruptedException {
        db = TestDatabase.create();
        JdbiAuditArchive archive = new JdbiAuditArchive(db.jdbi());
        List<Integer> batches = new CopyOnWriteArrayList<>();
        trail = new BufferedAuditTrail(new HookedArchive(archive, batch -> batches.add(batch.size())), 1000, 200, System::nanoTime);
        entries(0, 450).forEach(trail::record); // queued before the writer runs: it finds them all waiting

        trail.start();
        Await.until(() -> trail.stored() == 450, WAIT, "not all stored");

        assertEquals(List.of(200, 200, 50), batches);
        assertEquals(entries(0, 450), storedIn(archive));
    }

    @Test
    void closeStoresEverythingStillQueuedBeforeItReturns() throws InterruptedException {
        db = TestDatabase.create();
        JdbiAuditArchive archive = new JdbiAuditArchive(db.jdbi());
        trail = new BufferedAuditTrail(archive, 1000, 50, System::nanoTime);
        entries(0, 300).forEach(trail::record);
        trail.start();

        trail.close(WAIT);

        assertEquals(entries(0, 300), storedIn(archive));
    }

    @Test
    void entriesRecordedWhileTheDatabaseIsDownWaitAndAreStoredOnceItIsBackWithoutLoss() throws InterruptedException {
        server = EmbeddedDatabase.start(dataDir, 0);
        int port = server.port();
        database = PostgresDatabase.start(new PostgresSettings(server.jdbcUrl(), server.user(), server.password(),
                2, Duration.ofMillis(500)));
        JdbiAuditArchive archive = new JdbiAuditArchive(database.jdbi());
        trail = new BufferedAuditTrail(archive, 1000, 20, System::nanoTime).start();
        entries(0, 10).forEach(trail::record);
        Await.until(() -> trail.stored() == 10, WAIT, "not stored before the outage");

        server.close();
        server = null;
        entries(10, 60).forEach(trail::record); // returns at once: nobody waits for the database
        server = EmbeddedDatabase.start(dataDir, port);

        Await.until(() -> trail.stored() == 60, WAIT, "the waiting entries were not stored after the outage");
        assertEquals(entries(0, 60), storedIn(archive));
        assertEquals(0, trail.dropped());
    }

    @Test
    void aStopDuringAnOutageGivesUpAfterItsDrainTimeoutInsteadOfHanging() {
        InMemoryAuditArchive down = new InMemoryAuditArchive();
        down.setAvailable(false);
        trail = new BufferedAuditTrail(down, 100, 10, System::nanoTime).start();
        entries(0, 5).forEach(trail::record);

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> trail.close(Duration.ofMillis(300)));

        assertEquals(0, trail.stored());
        down.setAvailable(true);
        assertEquals(List.of(), down.entries(), "nothing written after the stop gave up");
    }

    @Test
    void entriesTheDatabaseRefusesAreCountedAsDroppedAndTheNextOnesAreStillStored() throws InterruptedException {
        InMemoryAuditArchive real = new InMemoryAuditArchive();
        java.util.concurrent.atomic.AtomicBoolean refused = new java.util.concurrent.atomic.AtomicBoolean();
        trail = new BufferedAuditTrail(new HookedArchive(real, batch -> {
            if (refused.compareAndSet(false, true)) {
                throw new IllegalStateException("constraint violated");
            }
        }), 100, 10, System::nanoTime);
        entries(0, 3).forEach(trail::record);
        trail.start();
        Await.until(() -> trail.dropped() == 3, WAIT, "the refused batch was not counted");
        trail.record(entry(3));

        trail.close(WAIT);

        assertEquals(List.of(entry(3)), real.entries());
    }

    @Test
    void aFullBufferDropsNewEntriesCountsThemAndSaysSoAtMostOnceAMinute() {
        AtomicLong now = new AtomicLong();
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(BufferedAuditTrail.class);
        lines.start();
        logger.addAppender(lines);
        try {
            trail = new BufferedAuditTrail(new InMemoryAuditArchive(), 3, 10, now::get);
            entries(0, 8).forEach(trail::record); // never started: nothing leaves the buffer
            now.addAndGet(TimeUnit.SECONDS.toNanos(59));
            trail.record(entry(8));
            assertEquals(1, warnings(lines), "one line for the first minute of drops");
            now.addAndGet(TimeUnit.SECONDS.toNanos(1));
            trail.record(entry(9));

            assertEquals(7, trail.dropped());
            assertEquals(3, trail.waiting());
            assertEquals(2, warnings(lines));
        } finally {
            logger.detachAppender(lines);
        }
    }

    private static long warnings(ListAppender<ILoggingEvent> lines) {
        return lines.list.stream().filter(e -> e.getLevel() == Level.WARN && e.getFormattedMessage().contains("dropped")).count();
    }
}
