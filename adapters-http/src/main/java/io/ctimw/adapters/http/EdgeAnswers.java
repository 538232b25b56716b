package io.ctimw.adapters.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Problem answers written straight on Jetty's response, for requests refused before they reach Javalin
 * (and for Jetty's own errors): the same problem+json and headers as {@link ErrorMapper}'s.
 */
final class EdgeAnswers {
    private final JsonCodec json;
    private final int retryAfterSeconds;

    EdgeAnswers(JsonCodec json, int retryAfterSeconds) {
        this.json = json;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Answers {@code problem}; refusals for load (429, 503) say when to come back. */
    void send(Response response, Callback callback, Problem problem) {
        RequestTrace.problem(response.getRequest(), problem);
        response.setStatus(problem.status());
        if (problem.status() == 429 || problem.status() == 503) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Integer.toString(retryAfterSeconds));
        }
        if (problem.status() == 408) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close"); // the rest of the body is never read
        }
        write(response, callback, json.write(problem.body()));
    }

    static void write(Response response, Callback callback, byte[] problemJson) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JsonResponses.PROBLEM_JSON);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(problemJson), callback);
    }
}
