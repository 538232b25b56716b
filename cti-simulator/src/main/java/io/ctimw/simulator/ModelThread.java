package io.ctimw.simulator;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single thread that owns the softphone model. Socket threads and the Java API only hand work
 * to it, so the model needs no locks and events leave in the order they were produced.
 */
final class ModelThread implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelThread.class);
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cti-sim-model");
        t.setDaemon(true);
        return t;
    });
    private volatile Thread thread;

    ModelThread() {
        call(() -> thread = Thread.currentThread());
    }

    /** Runs the task after the delay (now when zero); tasks with equal delays keep their order. */
    void run(Runnable task, Duration delay) {
        Runnable guarded = () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("model task failed", e);
            }
        };
        if (executor.isShutdown()) {
            return;
        }
        if (delay.isZero()) {
            executor.execute(guarded);
        } else {
            executor.schedule(guarded, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Runs the task on the model thread and waits for its result (directly when already on it). */
    <T> T call(Callable<T> task) {
        try {
            if (Thread.currentThread() == thread) {
                return task.call();
            }
            Future<T> future = executor.submit(task);
            return future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("model thread did not answer within 10 s", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
