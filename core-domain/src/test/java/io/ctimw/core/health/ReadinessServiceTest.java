package io.ctimw.core.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.Readiness;
import io.ctimw.core.testing.FakeCtiGateway;
import io.ctimw.core.testing.InMemoryEventStore;
import io.ctimw.core.testing.RecordingCtiListener;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Ready means the database answers now and the CTI link is up; the counters are reported as they are. */
class ReadinessServiceTest {
    private final InMemoryEventStore store = new InMemoryEventStore();
    private final FakeCtiGateway cti = new FakeCtiGateway();

    ReadinessServiceTest() {
        cti.start(new RecordingCtiListener());
    }
    private final AtomicInteger buffered = new AtomicInteger(3);
    private final ReadinessService readiness =
            new ReadinessService(store, cti, buffered::get, () -> 2, () -> 5L, () -> 1L, () -> 7L);

    @Test
    void readyWhenTheDatabaseAnswersAndTheLinkIsUp() {
        cti.linkUp();
        assertEquals(new Readiness(true, true, 3, 2, 5, 1, 7), readiness.check());
        assertTrue(readiness.check().ready());
    }

    @Test
    void aDatabaseThatDoesNotAnswerMakesItUnreadyWithoutThrowing() {
        cti.linkUp();
        store.setAvailable(false);
        buffered.set(40);
        Readiness r = readiness.check();
        assertFalse(r.database());
        assertTrue(r.cti());
        assertEquals(40, r.bufferedEvents());
        assertFalse(r.ready());
    }

    @Test
    void aLinkThatIsDownMakesItUnready() {
        cti.linkDown("test");
        Readiness r = readiness.check();
        assertTrue(r.database());
        assertFalse(r.cti());
        assertFalse(r.ready());
    }
}
