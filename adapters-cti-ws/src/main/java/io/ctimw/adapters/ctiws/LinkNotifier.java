package io.ctimw.adapters.ctiws;

import io.ctimw.core.port.out.CtiListener;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the listener that the link went up or down, in the order the link state changed, but outside
 * the link's state lock: changes are queued under that lock and delivered after it is released, so a
 * listener may call back into the gateway. {@link #deliver()} returns once everything queued before it
 * has been delivered (by this thread or by another), so events read after onLinkUp follow it.
 */
final class LinkNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(LinkNotifier.class);

    private final Queue<Consumer<CtiListener>> queue = new ConcurrentLinkedQueue<>();
    private final Object delivering = new Object(); // orders deliveries only; never taken with the state lock held
    private volatile CtiListener listener;

    void listener(CtiListener value) {
        listener = value;
    }

    /** Called under the state lock, at the moment the link became ready. */
    void up() {
        queue.add(CtiListener::onLinkUp);
    }

    /** Called under the state lock, at the moment a ready link was lost. */
    void down(String why) {
        queue.add(l -> l.onLinkDown(why));
    }

    /** Called with no lock held: runs the queued callbacks in order. */
    void deliver() {
        synchronized (delivering) {
            Consumer<CtiListener> next;
            while ((next = queue.poll()) != null) {
                try {
                    next.accept(listener);
                } catch (RuntimeException e) {
                    LOG.error("CTI listener failed on a link state change", e);
                }
            }
        }
    }
}
