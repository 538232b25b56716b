package io.ctimw.core.event;

import io.ctimw.core.model.PendingEvent;
import io.ctimw.core.port.out.IntakeLog;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.function.Consumer;

/**
 * The journal's side of the {@link IntakeLog}: logs each event and queues it under one lock, so intake
 * sequences increase in queue order (the store's watermark then means "everything up to here"), tells
 * the log what the store has, and hands back after a crash what the log has and the store lacks.
 */
final class IntakeOrder {
    private static final System.Logger LOG = System.getLogger(EventJournal.class.getName());

    private final IntakeLog log;
    private final Object order = new Object();

    IntakeOrder(IntakeLog log) {
        this.log = log;
    }

    /** Logs {@code event} and passes it, carrying its sequence, to {@code queue}, as one step. */
    void admit(PendingEvent event, Consumer<PendingEvent> queue) {
        synchronized (order) {
            queue.accept(event.withIntakeSeq(log.append(event)));
        }
    }

    /** The store committed (or quarantined) {@code batch}: the log may reclaim its records. */
    void stored(List<PendingEvent> batch) {
        long last = PendingEvent.lastIntakeSeq(batch);
        if (last == 0) {
            return;
        }
        try {
            log.storedThrough(last);
        } catch (RuntimeException e) { // only space is at stake: the store's watermark decides what is replayed
            LOG.log(Level.WARNING, "intake log could not reclaim through " + last, e);
        }
    }

    /** The logged events after the store's {@code watermark}, in their order; the log continues past them. */
    List<PendingEvent> unstored(long watermark) {
        log.storedThrough(watermark);
        List<PendingEvent> lost = log.unstoredAfter(watermark);
        if (!lost.isEmpty()) {
            LOG.log(Level.WARNING, lost.size() + " events received before the restart were not stored yet: storing"
                    + " them now (intake " + lost.get(0).intakeSeq() + ".." + lost.get(lost.size() - 1).intakeSeq() + ")");
        }
        return lost;
    }

    long unlogged() {
        return log.unlogged();
    }
}
