package io.ctimw.adapters.http;

import io.ctimw.core.port.in.AccessDeniedException;
import io.ctimw.core.port.in.InvalidSettingException;
import io.ctimw.core.port.out.StoreUnavailableException;
import io.javalin.http.Context;
import io.javalin.http.ExceptionHandler;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one error mapper: every failure of every route, whether thrown, a failed future or Javalin's own
 * 404/405, becomes one {@code application/problem+json} answer here, and is remembered on the request
 * for {@link RequestLog}.
 */
final class ErrorMapper implements ExceptionHandler<Exception> {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
    private static final String FAILURE_ATTRIBUTE = ErrorMapper.class.getName() + ".failure";

    /** What went wrong with a request; {@code cause} is set only when operators need the stack trace. */
    public record Failure(Problem problem, Throwable cause) {
    }

    private final JsonCodec json;
    private final int retryAfterSeconds;

    public ErrorMapper(JsonCodec json, int retryAfterSeconds) {
        this.json = json;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public void handle(Exception exception, Context ctx) {
        Failure failure = classify(unwrap(exception), ctx);
        ctx.attribute(FAILURE_ATTRIBUTE, failure);
        Problem problem = failure.problem();
        if (problem.status() == 503) {
            ctx.header("Retry-After", Integer.toString(retryAfterSeconds));
        }
        if (problem.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        ctx.status(problem.status()).contentType(JsonResponses.PROBLEM_JSON).result(json.write(problem.body()));
    }

    public static Failure failureOf(Context ctx) {
        return ctx.attribute(FAILURE_ATTRIBUTE);
    }

    /** For {@link Error}s, which Javalin hands over without a Context (nothing else can be trusted then). */
    public void handleError(HttpServletResponse res, Error error) {
        Problem problem = internalError(error);
        try {
            res.setStatus(500);
            res.setContentType(JsonResponses.PROBLEM_JSON);
            res.getOutputStream().write(json.write(problem.body()));
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not write the 500 answer", e);
        }
    }

    private Failure classify(Throwable t, Context ctx) {
        if (t instanceof ProblemException p) {
            return new Failure(p.problem(), null);
        }
        if (t instanceof HttpResponseException h) {
            return new Failure(fromJavalin(h, ctx), null);
        }
        if (t instanceof AccessDeniedException denied) {
            return new Failure(Problem.of(ProblemType.FORBIDDEN, "your account lacks " + denied.missing()), null);
        }
        if (t instanceof InvalidSettingException invalid) {
            return new Failure(Problem.of(ProblemType.INVALID_SETTING, invalid.getMessage())
                    .with("setting", invalid.setting()), null);
        }
        if (hasCause(t, StoreUnavailableException.class)) {
            return new Failure(Problem.of(ProblemType.STORE_UNAVAILABLE,
                    "the database cannot be reached; retry later"), t);
        }
        if (t instanceof TimeoutException) {
            return new Failure(Problem.of(ProblemType.TIMED_OUT, "the request could not be completed in time"), t);
        }
        return new Failure(internalError(t), t);
    }

    private Problem fromJavalin(HttpResponseException h, Context ctx) {
        switch (h.getStatus()) {
            case 404:
                return Problem.of(ProblemType.NOT_FOUND, "no endpoint " + ctx.method() + " " + ctx.path());
            case 405: {
                String allowed = h.getDetails().getOrDefault("availableMethods",
                        h.getDetails().getOrDefault("Available methods", ""));
                if (!allowed.isEmpty()) {
                    ctx.header("Allow", allowed);
                }
                return Problem.of(ProblemType.METHOD_NOT_ALLOWED,
                        ctx.method() + " is not allowed on " + ctx.path() + (allowed.isEmpty() ? "" : "; allowed: " + allowed));
            }
            case 413:
                return Problem.of(ProblemType.CONTENT_TOO_LARGE, "the body is too large");
            default:
                // RFC 9457 4.2.1: about:blank means "nothing beyond the status", with the status phrase as title.
                return new Problem("about:blank", String.valueOf(h.getMessage()), h.getStatus(),
                        String.valueOf(h.getMessage()), java.util.Map.of());
        }
    }

    private static Problem internalError(Throwable t) {
        byte[] random = new byte[5];
        ThreadLocalRandom.current().nextBytes(random);
        String errorId = HexFormat.of().formatHex(random);
        // Logged here with the stack trace so the id in the answer leads an operator straight to it.
        LOG.error("unexpected error {}", errorId, t);
        return Problem.of(ProblemType.INTERNAL_ERROR, "unexpected error; quote error id " + errorId)
                .with("errorId", errorId);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
