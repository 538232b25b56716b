package io.ctimw.adapters.http;

import io.ctimw.core.port.in.RequestLogUseCase;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * In front of the {@link EdgeGuard}: every {@code /api/v1} request gets a {@link RequestTrace}, and when
 * its answer is done (whoever gave it: the edge, Jetty or a route) the trace goes to the request log.
 * Recording only queues it; the log is written off this thread.
 */
final class RequestTracer extends Handler.Wrapper {
    /** Logged for a request whose answer failed before it was sent (the client went away, nginx's usage). */
    static final int CLIENT_CLOSED = 499;

    private final RequestLogUseCase log;

    RequestTracer(RequestLogUseCase log) {
        this.log = log;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (log == null || (!path.equals(Routes.API) && !path.startsWith(Routes.API + "/"))) {
            return super.handle(request, response, callback);
        }
        RequestTrace trace = RequestTrace.open(request);
        try {
            return super.handle(request, response, traced(trace, response, callback));
        } catch (Exception | Error e) { // Jetty answers 500 on the original callback
            record(trace, 500);
            throw e;
        }
    }

    private Callback traced(RequestTrace trace, Response response, Callback callback) {
        return new Callback() {
            @Override
            public void succeeded() {
                record(trace, response.getStatus());
                callback.succeeded();
            }

            @Override
            public void failed(Throwable failure) {
                record(trace, response.isCommitted() ? response.getStatus() : failedStatus(failure));
                callback.failed(failure);
            }

            @Override
            public InvocationType getInvocationType() {
                return callback.getInvocationType();
            }
        };
    }

    // Jetty answers an uncommitted failure itself: a protocol error with its code, a client gone with nothing.
    private static int failedStatus(Throwable failure) {
        if (failure instanceof HttpException http && http.getCode() >= 400 && http.getCode() <= 599) {
            return http.getCode();
        }
        return failure instanceof java.io.IOException ? CLIENT_CLOSED : 500;
    }

    private void record(RequestTrace trace, int status) {
        try {
            log.record(trace.close(status < 100 || status > 599 ? 500 : status));
        } catch (RuntimeException e) { // the log must never cost the answer
            org.slf4j.LoggerFactory.getLogger(RequestTracer.class).warn("request not logged: {}", e.toString());
        }
    }
}
