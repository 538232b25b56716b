package io.ctimw.core.event;

import io.ctimw.core.model.StoredEvent;
import io.ctimw.core.model.StreamEnd;
import io.ctimw.core.port.in.EventStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * One open stream's buffer. It catches up from the store a page at a time (the next page is read while
 * the client takes the last), then the hub hands it each event as it is stored. It is subscribed before
 * its first read, so an event stored meanwhile is in what a read returns or in what the hub hands it
 * (the overlap is dropped by cursor). More than {@code maxPending} events handed by the hub and not taken
 * since the client last took some end the stream: the client is too slow to keep up.
 */
final class EventFeed implements EventStream, Consumer<StoredEvent> {
    static final int PAGE = 500;

    private final int maxPending;
    private final LongFunction<CompletionStage<List<StoredEvent>>> reader;
    private final Runnable wake;
    private final LongConsumer delivered;
    private final Supplier<StreamEnd> verdict;
    private final Consumer<EventFeed> closed;
    private final ArrayDeque<StoredEvent> live = new ArrayDeque<>();
    private List<StoredEvent> page = List.of();
    private long taken;
    private int sinceTake;
    private boolean catchingUp = true;
    private boolean reading;
    private boolean liveLost;
    private StreamEnd end;

    /**
     * @param reader  reads the next page after a cursor (off the caller's thread)
     * @param verdict why the stream must end now (session gone, grant lost), or null
     * @param closed  told once when the stream ends, to unsubscribe it
     */
    EventFeed(long after, int maxPending, LongFunction<CompletionStage<List<StoredEvent>>> reader, Runnable wake,
              LongConsumer delivered, Supplier<StreamEnd> verdict, Consumer<EventFeed> closed) {
        this.taken = after;
        this.maxPending = maxPending;
        this.reader = reader;
        this.wake = wake;
        this.delivered = delivered;
        this.verdict = verdict;
        this.closed = closed;
    }

    @Override
    public List<StoredEvent> take() {
        List<StoredEvent> out;
        long readFrom = -1;
        synchronized (this) {
            if (end != null) {
                return List.of();
            }
            if (catchingUp) {
                out = page;
                page = List.of();
            } else {
                out = new ArrayList<>(live);
                live.clear();
            }
            sinceTake = 0;
            if (!out.isEmpty()) {
                taken = out.get(out.size() - 1).cursor();
            }
            if (catchingUp && !reading) { // the next page is read while the client takes this one
                reading = true;
                if (liveLost) { // buffering starts afresh before the read, so the read and the buffer meet
                    live.clear();
                    liveLost = false;
                }
                readFrom = taken;
            }
        }
        if (readFrom >= 0) {
            reader.apply(readFrom).whenComplete(this::read);
        }
        if (!out.isEmpty()) {
            delivered.accept(taken(out));
        }
        return out;
    }

    private void read(List<StoredEvent> events, Throwable failure) {
        if (failure != null) {
            end(StreamEnd.UNAVAILABLE); // the client resumes by cursor once the store is back
            return;
        }
        synchronized (this) {
            reading = false;
            if (end != null) {
                return;
            }
            if (events.size() < PAGE && !liveLost) {
                // Caught up: what was stored before this read is in events, anything after reached accept().
                long last = events.isEmpty() ? taken : taken(events);
                live.removeIf(e -> e.cursor() <= last);
                for (int i = events.size() - 1; i >= 0; i--) {
                    live.addFirst(events.get(i));
                }
                catchingUp = false;
            } else {
                page = events;
            }
        }
        wake.run();
    }

    /** An event of this login was stored (the hub's writer thread). */
    @Override
    public void accept(StoredEvent event) {
        boolean wakeUp;
        boolean tooSlow;
        synchronized (this) {
            long newest = live.isEmpty() ? taken : live.peekLast().cursor();
            if (end != null || event.cursor() <= newest || liveLost) {
                return;
            }
            if (catchingUp) {
                if (live.size() >= maxPending) {
                    live.clear(); // not the client's fault yet: the next read starts buffering again
                    liveLost = true;
                } else {
                    live.addLast(event);
                }
                return;
            }
            tooSlow = ++sinceTake > maxPending;
            wakeUp = !tooSlow && live.isEmpty();
            if (!tooSlow) {
                live.addLast(event);
            }
        }
        if (tooSlow) {
            end(StreamEnd.SLOW_CONSUMER);
        } else if (wakeUp) {
            wake.run();
        }
    }

    @Override
    public synchronized Optional<StreamEnd> ended() {
        return Optional.ofNullable(end);
    }

    @Override
    public void check() {
        StreamEnd why = verdict.get();
        if (why != null) {
            end(why);
        }
    }

    @Override
    public void end(StreamEnd reason) {
        synchronized (this) {
            if (end != null) {
                return;
            }
            end = reason;
            live.clear();
            page = List.of();
        }
        closed.accept(this);
        wake.run();
    }

    private static long taken(List<StoredEvent> events) {
        return events.get(events.size() - 1).cursor();
    }
}
