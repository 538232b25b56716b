package io.ctimw.app.middleware;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stop, one step after another, each logged with its time. Steps are added as their part starts
 * and run newest first: the HTTP intake stops before anything it uses, the database last, so every
 * event already received is stored before the server goes away. A failing step is logged and the next
 * one still runs. The same sequence undoes a start that failed half-way.
 */
final class StopSequence {
    private static final Logger LOG = LoggerFactory.getLogger(StopSequence.class);

    /** One step of the stop. */
    interface Step {
        void run() throws Exception;
    }

    private record Named(String name, Step step) {}

    private final Deque<Named> steps = new ArrayDeque<>();

    /** Adds the step that undoes the part just started; it runs before every step added earlier. */
    synchronized void add(String name, Step step) {
        steps.push(new Named(name, step));
    }

    /** Runs every step, newest first, once. */
    void runAll() {
        Named next;
        while ((next = poll()) != null) {
            run(next.name(), next.step());
        }
    }

    private synchronized Named poll() {
        return steps.poll();
    }

    static void run(String name, Step step) {
        long started = System.nanoTime();
        try {
            step.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("stop: {} interrupted", name);
        } catch (Exception e) {
            LOG.warn("stop: {} failed: {}", name, e.toString());
        }
        LOG.info("stop: {} done in {} ms", name, (System.nanoTime() - started) / 1_000_000);
    }
}
