package io.ctimw.adapters.postgres.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.PendingEvent;
import io.ctimw.core.port.out.IntakeLog;
import io.ctimw.core.testing.IntakeLogContract;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedIntakeLogTest extends IntakeLogContract {
    /** Small segments, so a few events fill one. */
    private static final int SEGMENT = 4096;

    @TempDir
    Path dir;

    @Override
    protected IntakeLog newLog() {
        return MappedIntakeLog.open(dir.resolve("intake"), SEGMENT, "db-1");
    }

    @Override
    protected IntakeLog reopen(IntakeLog old) {
        old.close();
        return newLog();
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("intake"))) {
            return files.filter(Segment::isSegment).sorted().toList();
        }
    }

    private List<Long> appendEvents(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(n -> log.append(event(n))).toList();
    }

    private static List<String> names(List<PendingEvent> events) {
        return events.stream().map(PendingEvent::name).toList();
    }

    @Test
    void aRecordTornByTheCrashIsIgnoredAndTheWholeOnesBeforeItAreKept() throws IOException {
        appendEvents(1, 3);
        log = reopen(log);
        Path file = segmentFiles().get(0);
        int first = IntakeRecord.HEADER + IntakeRecord.payload(1, event(1)).length;
        int second = IntakeRecord.HEADER + IntakeRecord.payload(2, event(2)).length;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(first + second + IntakeRecord.HEADER + 5); // the third record lost its last bytes
            raf.write(new byte[200]);
        }
        log.close();
        log = newLog();

        assertEquals(List.of("Event1", "Event2"), names(log.unstoredAfter(0)));
        assertTrue(log.append(event(4)) > 2);
    }

    @Test
    void aFullSegmentWrapsToANewFileAndTheLogReadsAcrossThem() throws IOException {
        appendEvents(1, 150); // ~100 bytes each: several 4 KiB segments

        assertTrue(segmentFiles().size() > 2, segmentFiles().toString());
        log = reopen(log);
        assertEquals(IntStream.rangeClosed(1, 150).mapToObj(n -> "Event" + n).toList(), names(log.unstoredAfter(0)));
    }

    @Test
    void segmentsWhoseEventsAreAllStoredAreDeletedAndACleanCloseLeavesNone() throws IOException {
        List<Long> seqs = appendEvents(1, 150);
        int before = segmentFiles().size();

        log.storedThrough(seqs.get(100));

        int after = segmentFiles().size();
        assertTrue(after < before && after >= 2, before + " -> " + after);
        log.storedThrough(seqs.get(149));
        log.close();
        assertEquals(List.of(), segmentFiles());
    }

    @Test
    void aStoredSegmentIsReusedAndItsOldRecordsNeverComeBackAsEvents() throws IOException {
        List<Long> first = appendEvents(1, 150);
        log.storedThrough(first.get(149));
        int files = segmentFiles().size();
        List<Long> second = appendEvents(151, 300); // fills the active segment, then reuses the spare one

        assertTrue(segmentFiles().size() <= files + 2, files + " -> " + segmentFiles().size());
        log = reopen(log);
        assertEquals(IntStream.rangeClosed(151, 300).mapToObj(n -> "Event" + n).toList(),
                names(log.unstoredAfter(first.get(149))));
        assertEquals(second.get(0), log.unstoredAfter(first.get(149)).get(0).intakeSeq());
    }

    @Test
    void aLogNotFullyStoredKeepsItsSegmentsOnCloseAndTheNextStartReplaysOnlyTheUnstored() {
        List<Long> seqs = appendEvents(1, 10);
        log.storedThrough(seqs.get(6));
        log = reopen(log);
        assertEquals(List.of("Event8", "Event9", "Event10"), names(log.unstoredAfter(seqs.get(6))));
    }

    @Test
    void aDirectoryWrittenForAnotherDatabaseIsRefused() {
        log.append(event(1));
        log.close();
        IntakeLogException e = assertThrows(IntakeLogException.class,
                () -> MappedIntakeLog.open(dir.resolve("intake"), SEGMENT, "db-2"));
        assertTrue(e.getMessage().contains("belongs to another database"), e.getMessage());
        log = newLog();
    }

    @Test
    void aSecondLogOnTheSameDirectoryIsRefused() {
        IntakeLogException e = assertThrows(IntakeLogException.class, this::newLog);
        assertTrue(e.getMessage().contains("in use"), e.getMessage());
    }

    @Test
    void aDirectoryThatCannotBeCreatedFailsTheOpenWithOneLine() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        IntakeLogException e = assertThrows(IntakeLogException.class,
                () -> MappedIntakeLog.open(notADirectory.resolve("intake"), SEGMENT, "db-1"));
        assertTrue(e.getMessage().startsWith("cannot write the intake log in "), e.getMessage());
    }

    @Test
    void aDiskThatFailsAtRunTimeCostsOnlyTheLogNeverTheAppend() throws IOException {
        List<Long> seqs = appendEvents(1, 5);
        for (Path file : segmentFiles()) {
            Files.delete(file);
        }
        Files.delete(dir.resolve("intake").resolve("owner"));
        Files.delete(dir.resolve("intake").resolve("lock"));
        Files.delete(dir.resolve("intake")); // the next segment cannot be created

        List<Long> later = appendEvents(6, 80);

        assertTrue(later.get(0) > seqs.get(4) && later.get(74) - later.get(0) == 74, "sequences go on");
        assertTrue(log.unlogged() > 0 && log.unlogged() < 75, "counted from the first event that found no room: "
                + log.unlogged());
    }
}
