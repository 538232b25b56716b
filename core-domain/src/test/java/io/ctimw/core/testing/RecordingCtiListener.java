package io.ctimw.core.testing;

import io.ctimw.core.model.CtiEvent;
import io.ctimw.core.port.out.CtiListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** Records what a CTI link reports, with waits that poll briefly instead of sleeping blindly. */
public final class RecordingCtiListener implements CtiListener {
    private final List<CtiEvent> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger ups = new AtomicInteger();
    private final AtomicInteger downs = new AtomicInteger();

    @Override
    public void onLinkUp() {
        ups.incrementAndGet();
    }

    @Override
    public void onLinkDown(String reason) {
        downs.incrementAndGet();
    }

    @Override
    public void onEvent(CtiEvent event) {
        events.add(event);
    }

    public int ups() {
        return ups.get();
    }

    public int downs() {
        return downs.get();
    }

    public List<CtiEvent> events() {
        return List.copyOf(events);
    }

    /** Waits until an event matches, or fails after {@code timeout}. */
    public CtiEvent awaitEvent(Predicate<CtiEvent> match, Duration timeout) {
        Await.until(() -> events.stream().anyMatch(match), timeout, "no matching CTI event; got " + events);
        return events.stream().filter(match).findFirst().orElseThrow();
    }
}
