package io.ctimw.adapters.postgres.intake;

import io.ctimw.core.model.PendingEvent;
import io.ctimw.core.port.out.IntakeLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link IntakeLog} in memory-mapped segment files of one directory. An append is a copy into the
 * mapping (no system call, no fsync): it survives SIGKILL and the OOM killer, which do not take the OS
 * page cache with them; an OS crash or power loss is covered only for what PostgreSQL has committed.
 * Segments whose events are all stored are deleted; a clean close leaves no segment behind.
 */
public final class MappedIntakeLog implements IntakeLog {
    public static final int DEFAULT_SEGMENT_BYTES = 16 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(MappedIntakeLog.class);
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Path dir;
    private final int segmentBytes;
    private final FileChannel lockFile;
    /** Segments before the active one, oldest first. */
    private final Deque<Segment> older = new ArrayDeque<>();
    private final AtomicLong unlogged = new AtomicLong();
    private Segment active;
    /** A segment whose events are all stored, kept to be reused instead of allocating a new file. */
    private Segment spare;
    private long last;
    private long stored;
    private long retryAt;
    private boolean failing;

    private MappedIntakeLog(Path dir, int segmentBytes, FileChannel lockFile) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.lockFile = lockFile;
    }

    /**
     * Opens (creating it if need be) the log in {@code dir}, reads what a previous process left, and
     * starts a fresh segment, with a spare allocated for the next. {@code owner} names the database the log belongs to: a directory stamped
     * for another one is refused, so its events can never be replayed into the wrong database.
     */
    public static MappedIntakeLog open(Path dir, int segmentBytes, String owner) {
        FileChannel lockFile = null;
        try {
            lockFile = IntakeFolder.claim(dir, owner);
            MappedIntakeLog log = new MappedIntakeLog(dir, segmentBytes, lockFile);
            log.readSegments();
            log.active = Segment.create(dir, log.last + 1, segmentBytes);
            log.spare = Segment.create(dir, log.last + 2, segmentBytes); // the first roll-over finds one ready
            return log;
        } catch (IOException | UncheckedIOException e) {
            closeQuietly(lockFile);
            throw new IntakeLogException("cannot write the intake log in " + dir + ": " + e, e);
        } catch (RuntimeException e) {
            closeQuietly(lockFile);
            throw e;
        }
    }

    private void readSegments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Segment::isSegment).sorted().toList()) {
                Segment s = Segment.open(file);
                if (s.isEmpty()) {
                    delete(s); // a spare, or a segment the crash left before its first record
                    continue;
                }
                older.add(s);
                last = Math.max(last, s.lastSeq());
            }
        }
    }

    @Override
    public synchronized long append(PendingEvent event) {
        long seq = ++last;
        byte[] payload = IntakeRecord.payload(seq, event);
        boolean logged = active != null && active.append(seq, payload)
                || IntakeRecord.HEADER + payload.length <= segmentBytes && roll(seq) && active.append(seq, payload);
        if (!logged) {
            unlogged.incrementAndGet();
        }
        return seq;
    }

    /** A new active segment; on a disk that fails, false (tried again at most once a second). */
    private boolean roll(long seq) {
        if (failing && System.nanoTime() - retryAt < 0) {
            return false;
        }
        try {
            Segment next = spare == null ? Segment.create(dir, seq, segmentBytes)
                    : Segment.recycle(spare, dir, seq, segmentBytes);
            spare = null;
            if (active != null) {
                older.add(active);
            }
            active = next;
            if (failing) {
                LOG.info("intake log writing again in {} ({} events were kept in memory only)", dir, unlogged.get());
                failing = false;
            }
            return true;
        } catch (IOException e) {
            spare = null; // half-recycled perhaps: the next start reads it and deletes it
            if (!failing) {
                LOG.error("intake log cannot write in {} ({}): new events are kept in memory only until it can, so a"
                        + " crash meanwhile would lose them (counted in /ready unloggedEvents)", dir, e.toString());
                failing = true;
            }
            retryAt = System.nanoTime() + RETRY_NANOS;
            return false;
        }
    }

    @Override
    public void storedThrough(long seq) {
        List<Segment> done = new ArrayList<>();
        synchronized (this) {
            stored = Math.max(stored, seq);
            last = Math.max(last, seq);
            while (!older.isEmpty() && older.peekFirst().lastSeq() <= stored) {
                done.add(older.pollFirst());
            }
            if (spare == null && !done.isEmpty()) {
                spare = done.remove(done.size() - 1);
            }
        }
        done.forEach(MappedIntakeLog::delete); // outside the lock: the reader thread never waits for an unlink
    }

    @Override
    public synchronized List<PendingEvent> unstoredAfter(long seq) {
        List<PendingEvent> events = new ArrayList<>();
        List<Segment> all = new ArrayList<>(older);
        if (active != null) {
            all.add(active);
        }
        for (Segment s : all) {
            s.records().stream().filter(p -> IntakeRecord.seq(p) > seq).map(IntakeRecord::event).forEach(events::add);
        }
        return events;
    }

    @Override
    public long unlogged() {
        return unlogged.get();
    }

    /** Segment files on disk now. */
    public synchronized int segments() {
        return older.size() + (active == null ? 0 : 1) + (spare == null ? 0 : 1);
    }

    /** Writes nothing: what is on disk is what a crash would leave. Every segment goes once all is stored. */
    @Override
    public synchronized void close() {
        if (stored >= last) {
            older.forEach(MappedIntakeLog::delete);
            older.clear();
            for (Segment s : new Segment[] {active, spare}) {
                if (s != null) {
                    delete(s);
                }
            }
            active = null;
            spare = null;
        }
        closeQuietly(lockFile);
    }

    private static void delete(Segment s) {
        try {
            Files.deleteIfExists(s.file);
        } catch (IOException e) {
            LOG.warn("intake log could not delete {} ({}); the next start deletes it", s.file, e.toString());
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            if (ch != null) {
                ch.close();
            }
        } catch (IOException e) {
            LOG.debug("intake log lock file not closed: {}", e.toString());
        }
    }
}
