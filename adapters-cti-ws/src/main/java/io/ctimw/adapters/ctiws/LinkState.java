package io.ctimw.adapters.ctiws;

import io.ctimw.core.model.CtiReply;
import io.ctimw.core.port.out.CtiListener;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The link's state behind one lock: which socket is current, whether it is initialised, stopped, and
 * how many attempts failed in a row. Every transition only records; what it triggers (failing pending
 * commands, listener callbacks) is handed back and run by {@link #settle} once the lock is released.
 */
final class LinkState {
    /**
     * What a lost link leaves to do outside the lock.
     *
     * @param socket   the socket that was current (stop closes it)
     * @param failures the attempts lost in a row before this one
     */
    record Lost(List<CompletableFuture<CtiReply>> pending, String why, int failures, CtiSocket socket) {}

    /** A command registered against the ready link: where to write it and the reply to wait for. */
    record Registered(CtiSocket socket, CompletableFuture<CtiReply> reply) {}

    private final PendingReplies pending;
    private final LinkNotifier notifier = new LinkNotifier();
    private final Object lock = new Object();
    private volatile CtiSocket socket; // the attempt in progress or the open link; written under lock
    /** The link stop() closed: what it still sends before its close frame is routed (the CTI counted it sent). */
    private volatile CtiSocket draining;
    private volatile boolean ready;
    private volatile CtiListener listener;
    private boolean stopped;
    private int attempts;
    private int failures; // consecutive attempts that did not initialise; reset on Ok to the version

    LinkState(PendingReplies pending) {
        this.pending = pending;
    }

    void begin(CtiListener value) {
        synchronized (lock) {
            if (listener != null || stopped) {
                throw new IllegalStateException("the CTI link can be started once");
            }
            listener = value;
            notifier.listener(value);
        }
    }

    CtiListener listener() {
        return listener;
    }

    boolean isReady() {
        return ready;
    }

    /** True for the open link, and for the one being closed by a stop until its close completes. */
    boolean delivers(CtiSocket source) {
        return source != null && (source == socket || source == draining);
    }

    boolean isCurrent(CtiSocket source) {
        return source == socket;
    }

    /** Makes a new attempt current and starts it, unless stopped; returns its number, or 0 when stopped. */
    int attempt(CtiSocket attempt) {
        synchronized (lock) {
            if (stopped) {
                return 0;
            }
            socket = attempt;
            // connect() only starts the socket's thread; inside the lock so stop() cannot slip in between.
            attempt.connect();
            return ++attempts;
        }
    }

    /**
     * Registers a command for its reply: on the ready link ({@code expected} null) or, before it is
     * ready, on that socket if still current. Null when neither holds.
     */
    Registered register(CtiSocket expected, String rid, String name) {
        synchronized (lock) { // so a link loss either fails this registration or finds the link not ready
            CtiSocket current = socket;
            if (current == null || (expected == null ? !ready : expected != current)) {
                return null;
            }
            return new Registered(current, pending.register(rid, name));
        }
    }

    /**
     * The current socket answered Ok to the protocol version; false when it is no longer current. The
     * listener is told by the {@link #deliver()} that must follow, with no lock held.
     */
    boolean initialised(CtiSocket source) {
        synchronized (lock) {
            if (source != socket) {
                return false;
            }
            ready = true;
            failures = 0;
            notifier.up();
            return true;
        }
    }

    /** With no lock held: tells the listener every link change so far, in order. */
    void deliver() {
        notifier.deliver();
    }

    /** The socket closed; null when it was not current (given up on, or closed by stop). */
    Lost closed(CtiSocket source, String why) {
        synchronized (lock) {
            if (source != socket) {
                return null;
            }
            socket = null;
            return lost(why, failures++, source);
        }
    }

    /** Stops for good; null when already stopped. */
    Lost stop() {
        synchronized (lock) {
            if (stopped) {
                return null;
            }
            stopped = true;
            CtiSocket current = socket;
            draining = current != null && current.isOpen() ? current : null;
            socket = null;
            return lost("stopped", failures, current);
        }
    }

    /** With no lock held: fails what was pending, then tells the listener. */
    void settle(Lost lost) {
        // Written (or being written) before the link went: the CTI may have run them.
        CtiReply.LinkDown down = new CtiReply.LinkDown(lost.why(), true);
        lost.pending().forEach(future -> future.complete(down));
        notifier.deliver();
    }

    private Lost lost(String why, int failed, CtiSocket current) {
        if (ready) {
            ready = false;
            notifier.down(why);
        }
        return new Lost(pending.takeAll(), why, failed, current);
    }
}
