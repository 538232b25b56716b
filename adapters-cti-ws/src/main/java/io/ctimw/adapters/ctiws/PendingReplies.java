package io.ctimw.adapters.ctiws;

import io.ctimw.core.model.CtiReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands sent and not yet answered, by rid, in one map. Each completes exactly once: with its reply,
 * TimedOut ({@link CompletableFuture#completeOnTimeout}, no timer of ours) or LinkDown; the first
 * completion wins and takes the entry out with it, whichever it was. A timeout completes on the JDK's
 * shared delay thread, so what callers chain on a reply must not block (the port's contract anyway).
 */
final class PendingReplies {
    private static final Logger LOG = LoggerFactory.getLogger(PendingReplies.class);

    private record Pending(String name, CompletableFuture<CtiReply> future, long sentAtNanos) {}

    private final ConcurrentMap<String, Pending> byRid = new ConcurrentHashMap<>();
    private final Duration timeout;

    PendingReplies(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Registers a command before it is written, so that even an instant reply finds it. The stage
     * returned completes only after the entry is gone, so whoever sees the reply sees it removed.
     */
    CompletableFuture<CtiReply> register(String rid, String name) {
        Pending pending = new Pending(name, new CompletableFuture<>(), System.nanoTime());
        byRid.put(rid, pending);
        CompletableFuture<CtiReply> settled = pending.future().whenComplete((reply, error) -> settled(rid, pending, reply));
        pending.future().completeOnTimeout(new CtiReply.TimedOut(), timeout.toNanos(), TimeUnit.NANOSECONDS);
        return settled;
    }

    /** True when the rid was pending and {@code answer}'s reply completed it (it was not already done). */
    boolean complete(String rid, Supplier<CtiReply> answer) {
        Pending pending = byRid.get(rid);
        return pending != null && !pending.future().isDone() && pending.future().complete(answer.get());
    }

    /** Takes every pending command out, for the caller to fail (outside its own locks). */
    List<CompletableFuture<CtiReply>> takeAll() {
        List<CompletableFuture<CtiReply>> taken = new ArrayList<>();
        for (String rid : byRid.keySet()) {
            Pending pending = byRid.remove(rid);
            if (pending != null) {
                taken.add(pending.future());
            }
        }
        return taken;
    }

    int size() {
        return byRid.size();
    }

    private void settled(String rid, Pending pending, CtiReply reply) {
        byRid.remove(rid, pending);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pending.sentAtNanos());
        if (reply instanceof CtiReply.TimedOut) {
            LOG.warn("CTI did not answer {} rid={} within {} ms", pending.name(), rid, timeout.toMillis());
        } else {
            LOG.debug("{} rid={} -> {} after {} ms", pending.name(), rid, reply, millis);
        }
    }
}
