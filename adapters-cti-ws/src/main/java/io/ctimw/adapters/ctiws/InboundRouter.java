package io.ctimw.adapters.ctiws;

import io.ctimw.core.model.CtiEvent;
import io.ctimw.core.port.out.CtiListener;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each inbound frame on the reader thread: a reply to its pending command, an event to the
 * listener, anything unusable to a throttled warning. Never blocks and never throws, so one bad
 * frame or listener bug cannot take the link down.
 */
final class InboundRouter {
    private static final Logger LOG = LoggerFactory.getLogger(InboundRouter.class);
    private static final int SAMPLE_CHARS = 200;
    // Warn for the first few and then every thousandth: a broken peer must not flood the log.
    private static final int WARN_FIRST = 10;
    private static final int WARN_EVERY = 1000;

    private final CtiJsonCodec codec;
    private final PendingReplies pending;
    private final RidGenerator rids;
    private final LinkCounters counters;

    InboundRouter(CtiJsonCodec codec, PendingReplies pending, RidGenerator rids, LinkCounters counters) {
        this.codec = codec;
        this.pending = pending;
        this.rids = rids;
        this.counters = counters;
    }

    void onText(String text, CtiListener listener) {
        InboundFrame frame = codec.decode(text);
        if (frame instanceof InboundFrame.Malformed malformed) {
            malformed(malformed.problem(), text);
            return;
        }
        InboundFrame.Message message = (InboundFrame.Message) frame;
        String rid = message.rid();
        if (rid != null && pending.complete(rid, () -> codec.reply(message))) {
            counters.replies.incrementAndGet();
            return;
        }
        if (rid != null && rids.owns(rid)) {
            // Ours but no longer pending: it came after its timeout (or after the link was reset).
            counters.lateReplies.incrementAndGet();
            LOG.debug("late {} for rid={} ignored", message.name(), rid);
            return;
        }
        if (message.isService()) {
            counters.lateReplies.incrementAndGet();
            LOG.warn("CTI sent {} matching no command of ours (rid={}): {}", message.name(), rid, sample(text));
            return;
        }
        Optional<CtiEvent> event = codec.event(message);
        if (event.isEmpty()) {
            malformed("no valid login in " + message.name(), text);
            return;
        }
        counters.events.incrementAndGet();
        LOG.trace("event {}", text);
        try {
            listener.onEvent(event.get());
        } catch (RuntimeException e) {
            LOG.error("CTI listener failed on {} for {}; event dropped", message.name(), event.get().login(), e);
        }
    }

    void onBinary(int bytes) {
        malformed("binary frame", "(" + bytes + " bytes)");
    }

    private void malformed(String problem, String text) {
        long count = counters.malformed.incrementAndGet();
        if (count <= WARN_FIRST || count % WARN_EVERY == 0) {
            LOG.warn("CTI frame ignored ({}), {} so far: {}", problem, count, sample(text));
        } else {
            LOG.debug("CTI frame ignored ({}): {}", problem, sample(text));
        }
    }

    private static String sample(String text) {
        return text.length() <= SAMPLE_CHARS ? text : text.substring(0, SAMPLE_CHARS) + "...(" + text.length() + " chars)";
    }
}
