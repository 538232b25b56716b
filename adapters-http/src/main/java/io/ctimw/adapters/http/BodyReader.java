package io.ctimw.adapters.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads one request body into memory without holding a thread while it arrives: what is there is taken
 * at once, and for the rest Jetty calls back when bytes come. A body not there with the headers takes a
 * place in the pending-bodies {@link Gate} and must complete by its deadline, else 408; a body over the
 * size limit is 413 as soon as it passes it. Only a complete body is handed on.
 */
final class BodyReader implements Runnable {
    private final EdgeGuard guard;
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final String address;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile boolean pending;
    private volatile Scheduler.Task deadline;

    BodyReader(EdgeGuard guard, Request request, Response response, Callback callback, String address) {
        this.guard = guard;
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.address = address;
    }

    @Override
    public void run() {
        while (!settled.get()) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                if (pending || startWaiting()) {
                    request.demand(this);
                }
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                if (!chunk.isLast()) {
                    expire(); // Jetty's idle timeout came first: the same answer as our own deadline
                } else if (settle()) {
                    callback.failed(chunk.getFailure()); // the client went away or sent broken framing
                }
                return;
            }
            boolean last = chunk.isLast();
            try {
                append(chunk);
            } finally {
                chunk.release();
            }
            if (body.size() > guard.maxBodyBytes()) {
                refuse(Problem.of(ProblemType.CONTENT_TOO_LARGE, "the body is larger than " + guard.maxBodyBytes() + " bytes"));
                return;
            }
            if (last) {
                if (settle()) {
                    guard.dispatch(new GuardedRequest(request, body.toByteArray()), response, callback, address);
                }
                return;
            }
        }
    }

    private void append(Content.Chunk chunk) {
        ByteBuffer bytes = chunk.getByteBuffer();
        // One byte past the limit is enough to know it is too large; the rest is never copied.
        int room = (int) Math.min(bytes.remaining(), guard.maxBodyBytes() + 1 - body.size());
        byte[] part = new byte[room];
        bytes.get(part);
        body.write(part, 0, room);
    }

    // The body did not come with the headers: wait for it, if this client and everyone together may.
    private boolean startWaiting() {
        Gate.Verdict verdict = guard.pendingBodies().tryEnter(address);
        if (verdict == Gate.Verdict.ADDRESS_FULL) {
            refuse(Problem.of(ProblemType.TOO_MANY_REQUESTS, "too many unfinished request bodies from your address"));
            return false;
        }
        if (verdict == Gate.Verdict.FULL) {
            refuse(Problem.of(ProblemType.SERVER_BUSY, "too many unfinished request bodies; retry shortly"));
            return false;
        }
        pending = true;
        long millis = guard.limits().bodyDeadline(request.getLength()).toMillis();
        deadline = request.getComponents().getScheduler().schedule(this::expire, millis, TimeUnit.MILLISECONDS);
        return true;
    }

    private void expire() {
        refuse(Problem.of(ProblemType.BODY_TIMEOUT, "the request body did not arrive in time"));
    }

    private void refuse(Problem problem) {
        if (settle()) {
            guard.refuse(request, response, callback, problem);
        }
    }

    private boolean settle() {
        if (!settled.compareAndSet(false, true)) {
            return false;
        }
        if (pending) {
            guard.pendingBodies().leave(address);
            Scheduler.Task task = deadline;
            if (task != null) {
                task.cancel();
            }
        }
        return true;
    }
}
