package io.ctimw.core.event;

import io.ctimw.core.model.PendingEvent;
import io.ctimw.core.model.StoredEvent;
import io.ctimw.core.model.Backoff;
import io.ctimw.core.port.out.EventRefusedException;
import io.ctimw.core.port.out.EventStore;
import io.ctimw.core.port.out.StoreUnavailableException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Writes the {@link EventJournal}'s batches, on its one writer thread. While the store is unreachable
 * the batch is retried with backoff. When the store refuses a batch's data, retrying it would refuse
 * it forever and stall every agent's events, so the batch is split in halves until each refused event
 * is alone: the others are stored in their order, each refused one goes to the store's quarantine
 * (counted, and logged once). Nothing received is dropped without an ERROR line naming it.
 */
final class BatchAppender {
    private static final System.Logger LOG = System.getLogger(EventJournal.class.getName());
    private static final Backoff RETRY = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(5),
            () -> ThreadLocalRandom.current().nextDouble());
    /** Failures of the quarantine insert that are neither "unreachable" nor "refused" get this many tries. */
    private static final int QUARANTINE_TRIES = 3;
    private static final int LOGGED_NAME = 40;
    private static final int LOGGED_FRAME = 80;

    private final EventStore store;
    private final DeliveryHub hub;
    private final LongSupplier buffered;
    private final AtomicLong appended = new AtomicLong();
    private final AtomicLong quarantined = new AtomicLong();
    private final AtomicLong quarantineFailures = new AtomicLong();
    private volatile boolean storeHealthy = true;

    /** @param buffered how many events wait for the store, for the operator's log line */
    BatchAppender(EventStore store, DeliveryHub hub, LongSupplier buffered) {
        this.store = store;
        this.hub = hub;
        this.buffered = buffered;
    }

    long appended() {
        return appended.get();
    }

    long quarantined() {
        return quarantined.get();
    }

    long quarantineFailures() {
        return quarantineFailures.get();
    }

    /** Events this appender is done with: stored, quarantined, or refused even by the quarantine. */
    long settled() {
        return appended.get() + quarantined.get() + quarantineFailures.get();
    }

    boolean storeHealthy() {
        return storeHealthy;
    }

    /** Stores {@code batch} in order, apart from the events the store refuses; returns once that is done. */
    void write(List<PendingEvent> batch) throws InterruptedException {
        try {
            appendRetrying(batch);
        } catch (EventRefusedException refused) {
            if (batch.size() == 1) {
                quarantine(batch.get(0), refused.getMessage());
                return;
            }
            int half = batch.size() / 2;
            write(batch.subList(0, half));
            write(batch.subList(half, batch.size()));
        }
    }

    private void appendRetrying(List<PendingEvent> batch) throws InterruptedException {
        List<StoredEvent> stored = storeRetrying(batch);
        reachable();
        try {
            hub.stored(stored);
        } catch (RuntimeException e) { // stored is stored: never append it again; waiting polls catch up by cursor
            LOG.log(Level.ERROR, "waking the polls of a stored batch failed", e);
        }
        appended.addAndGet(batch.size()); // settled only once readers can see them, memory included
    }

    /** Only the append itself is retried: once the store has committed a batch, it is never sent again. */
    private List<StoredEvent> storeRetrying(List<PendingEvent> batch) throws InterruptedException {
        int attempt = 0;
        boolean failureLogged = false;
        while (true) {
            try {
                return store.append(batch);
            } catch (StoreUnavailableException e) {
                unreachable(e);
            } catch (EventRefusedException e) {
                reachable();
                throw e;
            } catch (RuntimeException e) {
                if (!failureLogged) { // a bug, not the data: retrying may help once it is fixed or passes
                    LOG.log(Level.ERROR, "event append failed; retrying a batch of " + batch.size(), e);
                    failureLogged = true;
                }
            }
            Thread.sleep(RETRY.delay(++attempt).toMillis());
        }
    }

    private void quarantine(PendingEvent event, String reason) throws InterruptedException {
        int attempt = 0;
        for (int tries = 1; ; tries++) {
            try {
                store.quarantine(event, reason);
                reachable();
                LOG.log(Level.WARNING, "event refused by the store, quarantined ({0} since start): {1}",
                        quarantined.incrementAndGet(), describe(event, reason));
                return;
            } catch (StoreUnavailableException e) {
                unreachable(e);
            } catch (RuntimeException e) {
                if (e instanceof EventRefusedException || tries >= QUARANTINE_TRIES) {
                    LOG.log(Level.ERROR, "event refused by the store and by its quarantine, NOT stored ({0} since start;"
                            + " quarantine said: {1}): {2}", quarantineFailures.incrementAndGet(),
                            LogText.prefix(String.valueOf(e.getMessage()), LOGGED_FRAME), describe(event, reason));
                    return;
                }
            }
            Thread.sleep(RETRY.delay(++attempt).toMillis());
        }
    }

    private static String describe(PendingEvent event, String reason) {
        return "login " + event.login() + ", name \"" + LogText.prefix(event.name(), LOGGED_NAME) + "\", received "
                + event.receivedAt() + ", " + event.json().length() + " chars, reason: "
                + LogText.prefix(String.valueOf(reason), LOGGED_FRAME) + ", frame begins: "
                + LogText.prefix(event.json(), LOGGED_FRAME);
    }

    private void reachable() {
        if (!storeHealthy) {
            LOG.log(Level.INFO, "event store reachable again; writing resumed");
            storeHealthy = true;
        }
    }

    private void unreachable(StoreUnavailableException e) {
        if (storeHealthy) {
            LOG.log(Level.WARNING, "event store unreachable ({0}); keeping {1} buffered events and retrying",
                    e.getMessage(), buffered.getAsLong());
            storeHealthy = false;
        }
    }

}
