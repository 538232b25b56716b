package io.ctimw.adapters.ctiws;

import io.ctimw.core.model.CtiReply;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands sent and not yet answered, by rid. Each completes exactly once: with its reply, TimedOut
 * (one shared timer, no thread per command) or LinkDown. Whoever removes the entry completes it, so
 * a reply racing its timeout cannot complete it twice.
 */
final class PendingReplies {
    private static final Logger LOG = LoggerFactory.getLogger(PendingReplies.class);

    private record Pending(String name, CompletableFuture<CtiReply> future, long sentAtNanos) {}

    private final ConcurrentMap<String, Pending> byRid = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ScheduledFuture<?>> timeouts = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final Duration timeout;

    PendingReplies(ScheduledExecutorService timer, Duration timeout) {
        this.timer = timer;
        this.timeout = timeout;
    }

    /** Registers a command before it is written, so that even an instant reply finds it. */
    CompletableFuture<CtiReply> register(String rid, String name) {
        Pending pending = new Pending(name, new CompletableFuture<>(), System.nanoTime());
        byRid.put(rid, pending);
        timeouts.put(rid, timer.schedule(() -> timedOut(rid), timeout.toNanos(), TimeUnit.NANOSECONDS));
        return pending.future();
    }

    /** True when the rid was pending; it is then completed with the reply {@code answer} builds. */
    boolean complete(String rid, Supplier<CtiReply> answer) {
        Pending pending = take(rid);
        if (pending == null) {
            return false;
        }
        CtiReply reply = answer.get();
        LOG.debug("{} rid={} -> {} after {} ms", pending.name(), rid, reply,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pending.sentAtNanos()));
        pending.future().complete(reply);
        return true;
    }

    /** Completes every pending command with {@code reply} (the link went down). */
    void completeAll(CtiReply reply) {
        for (String rid : byRid.keySet()) {
            Pending pending = take(rid);
            if (pending != null) {
                pending.future().complete(reply);
            }
        }
    }

    int size() {
        return byRid.size();
    }

    private void timedOut(String rid) {
        Pending pending = take(rid);
        if (pending != null) {
            LOG.warn("CTI did not answer {} rid={} within {} ms", pending.name(), rid, timeout.toMillis());
            pending.future().complete(new CtiReply.TimedOut());
        }
    }

    private Pending take(String rid) {
        Pending pending = byRid.remove(rid);
        ScheduledFuture<?> timeoutTask = timeouts.remove(rid);
        if (timeoutTask != null) {
            timeoutTask.cancel(false);
        }
        return pending;
    }
}
