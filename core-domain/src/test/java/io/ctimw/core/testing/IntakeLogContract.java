package io.ctimw.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.PendingEvent;
import io.ctimw.core.port.out.IntakeLog;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link IntakeLog} must do; extend it with a factory for the implementation under test. */
public abstract class IntakeLogContract {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00.123456Z");

    protected IntakeLog log;

    /** A fresh, empty log. */
    protected abstract IntakeLog newLog();

    /** The log as the next process finds it after {@code old}'s process died (close writes nothing extra). */
    protected abstract IntakeLog reopen(IntakeLog old);

    @BeforeEach
    void openLog() {
        log = newLog();
    }

    @AfterEach
    void closeLog() {
        log.close();
    }

    protected static PendingEvent event(int n) {
        return new PendingEvent(new Login("agent" + (n % 3)), "Event" + n, "{\"name\":\"Event" + n + "\",\"u\":\"é ж 😀\"}",
                T0.plusMillis(n));
    }

    private static List<String> names(List<PendingEvent> events) {
        return events.stream().map(PendingEvent::name).toList();
    }

    @Test
    void sequencesIncreaseStrictlyAndEachEventComesBackWithItsOwn() {
        long a = log.append(event(1));
        long b = log.append(event(2));
        assertTrue(a > 0 && b > a, a + " then " + b);
        assertEquals(List.of(event(1).withIntakeSeq(a), event(2).withIntakeSeq(b)), log.unstoredAfter(0));
    }

    @Test
    void unstoredAfterReturnsOnlyLaterEventsInOrderEvenOnceSomeAreStored() {
        List<Long> seqs = IntStream.rangeClosed(1, 5).mapToObj(n -> log.append(event(n))).toList();
        log.storedThrough(seqs.get(1));
        assertEquals(List.of("Event3", "Event4", "Event5"), names(log.unstoredAfter(seqs.get(1))));
    }

    @Test
    void whatWasAppendedSurvivesTheProcessAndSequencesGoOnAfterIt() {
        log.append(event(1));
        long second = log.append(event(2));
        log = reopen(log);
        assertEquals(List.of("Event1", "Event2"), names(log.unstoredAfter(0)));
        assertTrue(log.append(event(3)) > second, "a reopened log never hands out a sequence twice");
    }

    @Test
    void aSequenceReportedStoredIsNeverHandedOutAgain() {
        log.storedThrough(1_000);
        assertTrue(log.append(event(1)) > 1_000);
        assertEquals(0, log.unlogged());
    }
}
