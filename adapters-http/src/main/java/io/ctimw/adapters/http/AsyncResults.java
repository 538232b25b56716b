package io.ctimw.adapters.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Adapts the use cases' futures for {@code ctx.future}: the response is built on Jetty's pool rather
 * than on whatever core thread completed the future (a slow client must never stall event delivery),
 * and a future that never completes fails after the backstop timeout instead of leaking the request.
 */
final class AsyncResults {
    private final Executor responders;
    private final Duration backstop;
    private final Set<CompletableFuture<?>> waiting = ConcurrentHashMap.newKeySet();
    /** Set once by {@link #failWaiting}: a request that starts waiting after it is failed at once. */
    private volatile RuntimeException closedWith;

    public AsyncResults(Executor responders, Duration backstop) {
        this.responders = responders;
        this.backstop = backstop;
    }

    public <T> CompletableFuture<Void> respond(CompletionStage<T> stage, java.util.function.Consumer<T> writer) {
        // copy(): the timeout must fail our view of the future, not the core's own future.
        CompletableFuture<T> future = stage.toCompletableFuture().copy();
        Function<T, Void> write = value -> {
            writer.accept(value);
            return null;
        };
        if (future.isDone()) {
            return future.thenApply(write); // already there: no hop, no timer
        }
        waiting.add(future);
        future.whenComplete((value, failure) -> waiting.remove(future));
        RuntimeException closed = closedWith;
        if (closed != null) { // raced with a stop: failWaiting may have missed it
            future.completeExceptionally(closed);
        }
        return future.orTimeout(backstop.toMillis(), TimeUnit.MILLISECONDS).thenApplyAsync(write, responders);
    }

    /** Requests whose answer is still awaited (long polls that wait, commands awaiting the CTI). */
    public int waitingCount() {
        return waiting.size();
    }

    /** Answers every request still waiting with {@code failure} (at shutdown: 503, not a cut connection). */
    public void failWaiting(RuntimeException failure) {
        closedWith = failure;
        waiting.forEach(f -> f.completeExceptionally(failure));
    }
}
