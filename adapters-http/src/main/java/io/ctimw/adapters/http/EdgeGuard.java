package io.ctimw.adapters.http;

import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler every request meets, before Javalin: keeps one client (or a crowd) from taking the
 * worker threads from everyone else. Logins beyond the password-check limits are 503 before their body is
 * read; bodies are read without holding a worker ({@link BodyReader}); a client address may have only so
 * many requests on workers at once (429). {@code /health}, {@code /ready} and {@code /metrics} pass every limit:
 * an overload is what monitoring must still see.
 */
final class EdgeGuard extends Handler.Wrapper {
    private static final Logger LOG = LoggerFactory.getLogger(EdgeGuard.class);
    private static final Set<String> ALWAYS_SERVED = Set.of("/health", "/ready", Routes.METRICS);
    private static final String LOGIN = Routes.API + "/login";
    /**
     * A login turned away before its body is read is answered this much later (no thread is held
     * meanwhile): a client hammering the login in a loop then costs a few answers a second per
     * connection instead of tens of thousands, which would take the CPU from everyone else.
     */
    static final long LOGIN_BUSY_DELAY_MILLIS = 500;

    private final EdgeLimits limits;
    private final long maxBodyBytes;
    private final EdgeAnswers answers;
    private final OutageLog outages;
    private final Gate logins;
    private final Gate pendingBodies;
    private final Gate workers;
    private final ScheduledExecutorService timers;
    private final HttpMetrics metrics;

    EdgeGuard(EdgeLimits limits, long maxBodyBytes, EdgeAnswers answers, OutageLog outages,
              ScheduledExecutorService timers, HttpMetrics metrics) {
        this.metrics = metrics;
        this.timers = timers;
        this.limits = limits;
        this.maxBodyBytes = maxBodyBytes;
        this.answers = answers;
        this.outages = outages;
        this.logins = new Gate(limits.maxConcurrentLogins(), limits.maxLoginsPerAddress());
        this.pendingBodies = new Gate(limits.maxPendingBodies(), limits.maxPendingBodiesPerAddress());
        this.workers = new Gate(Integer.MAX_VALUE, limits.maxRequestsPerAddress());
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        // Cheap early answer for a login flood: not even the body is read. The place is taken only once
        // the body is complete, so slow login bodies cannot sit on the password-check places.
        if (isLogin(request) && !logins.wouldAdmit(Request.getRemoteAddr(request))) {
            refuseLater(request, response, callback, loginBusy());
            return true;
        }
        if (request.getLength() > maxBodyBytes) {
            refuse(request, response, callback, Problem.of(ProblemType.CONTENT_TOO_LARGE,
                    "the body is larger than " + maxBodyBytes + " bytes"));
            return true;
        }
        new BodyReader(this, request, response, callback, Request.getRemoteAddr(request)).run();
        return true;
    }

    /** Hands a request whose body is complete to the routes, if its address has a worker (and a login place) to spare. */
    void dispatch(Request request, Response response, Callback callback, String address) {
        if (ALWAYS_SERVED.contains(Request.getPathInContext(request))) {
            handleNext(request, response, callback);
            return;
        }
        Callback done = callback;
        if (isLogin(request)) {
            if (logins.tryEnter(address) != Gate.Verdict.ADMITTED) {
                refuse(request, response, callback, loginBusy());
                return;
            }
            done = Callback.from(callback, () -> logins.leave(address));
        }
        if (workers.tryEnter(address) != Gate.Verdict.ADMITTED) {
            refuse(request, response, done, Problem.of(ProblemType.TOO_MANY_REQUESTS,
                    "too many requests from your address at once; retry shortly"));
            return;
        }
        try {
            handleNext(request, response, done);
        } finally {
            workers.leave(address);
        }
    }

    // Javalin ignores trailing slashes, so "/api/v1/login/" is the login route too and must meet the same gate.
    private static boolean isLogin(Request request) {
        String path = Request.getPathInContext(request);
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        return HttpMethod.POST.is(request.getMethod()) && LOGIN.equals(path.substring(0, end));
    }

    private static Problem loginBusy() {
        return Problem.of(ProblemType.LOGIN_BUSY, "too many logins are being checked; retry shortly");
    }

    private void handleNext(Request request, Response response, Callback callback) {
        try {
            if (!super.handle(request, response, callback)) {
                Response.writeError(request, response, callback, 404);
            }
        } catch (Throwable t) {
            callback.failed(t); // Jetty answers 500 through JettyErrors unless the answer is already under way
        }
    }

    private void refuseLater(Request request, Response response, Callback callback, Problem problem) {
        try {
            timers.schedule(() -> refuse(request, response, callback, problem), LOGIN_BUSY_DELAY_MILLIS,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            refuse(request, response, callback, problem);
        }
    }

    void refuse(Request request, Response response, Callback callback, Problem problem) {
        metrics.refused(problem);
        if (problem.status() == 503) {
            outages.record(problem, null);
        } else {
            LOG.debug("{} {} from {} -> {}: {}", request.getMethod(), Request.getPathInContext(request),
                    Request.getRemoteAddr(request), problem.status(), problem.detail());
        }
        answers.send(response, callback, problem);
    }

    Gate pendingBodies() {
        return pendingBodies;
    }

    EdgeLimits limits() {
        return limits;
    }

    long maxBodyBytes() {
        return maxBodyBytes;
    }
}
