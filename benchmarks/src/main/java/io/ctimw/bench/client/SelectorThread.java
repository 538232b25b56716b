package io.ctimw.bench.client;

import java.io.IOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A daemon thread that owns one NIO selector: it runs queued tasks, hands ready keys to its {@link Reactor}
 * and lets it sweep once a second, so the reactor's state is touched by this thread only.
 */
final class SelectorThread implements AutoCloseable {
    /** What runs on the thread. */
    interface Reactor {
        void ready(SelectionKey key);

        /** About once a second, e.g. to time out requests that got no answer. */
        void sweep(long nowNanos);

        /** The thread is leaving (closed or the selector broke): release what is still open. */
        void exited();
    }

    private static final long SWEEP_NANOS = 1_000_000_000L;

    private final Selector selector;
    private final Thread thread;
    private final Reactor reactor;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;
    private long nextSweep = System.nanoTime() + SWEEP_NANOS;

    SelectorThread(String name, Reactor reactor) throws IOException {
        this.reactor = reactor;
        this.selector = Selector.open();
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    Selector selector() {
        return selector;
    }

    boolean running() {
        return running;
    }

    /** Runs {@code task} on the thread. */
    void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    private void run() {
        try {
            while (running) {
                long untilSweep = Math.max(1, (nextSweep - System.nanoTime()) / 1_000_000L);
                selector.select(untilSweep);
                for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                    task.run();
                }
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    reactor.ready(key);
                }
                long now = System.nanoTime();
                if (now >= nextSweep) {
                    nextSweep = now + SWEEP_NANOS;
                    reactor.sweep(now);
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            // closing
        } finally {
            reactor.exited();
        }
    }

    /** Stops the thread; the reactor releases its resources on the way out. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(2000);
            selector.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
