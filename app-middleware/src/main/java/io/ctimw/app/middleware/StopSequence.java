package io.ctimw.app.middleware;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the stop one step after another and logs each with its time: intake first, the database
 * last, so every event already received is stored before the server goes away. A failing step is
 * logged and the next one still runs.
 */
final class StopSequence {
    private static final Logger LOG = LoggerFactory.getLogger(StopSequence.class);

    /** One step of the stop. */
    interface Step {
        void run() throws Exception;
    }

    private StopSequence() {
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
