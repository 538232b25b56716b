package io.ctimw.adapters.http;

import java.util.Map;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (unparseable requests, oversized headers, bad URIs) that never reach
 * Javalin: the same problem+json shape as {@link ErrorMapper}'s instead of Jetty's HTML page.
 */
final class JettyErrors extends ErrorHandler {
    private final JsonCodec json;

    public JettyErrors(JsonCodec json) {
        this.json = json;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String reason = HttpStatus.getMessage(code);
        Problem problem = switch (code) {
            case 400 -> Problem.of(ProblemType.BAD_REQUEST, "the request is not valid HTTP");
            case 404 -> Problem.of(ProblemType.NOT_FOUND, "no such endpoint");
            case 413 -> Problem.of(ProblemType.CONTENT_TOO_LARGE, "the request is too large");
            case 500 -> Problem.of(ProblemType.INTERNAL_ERROR, "unexpected error");
            // Jetty's message can quote the request; only the status phrase is safe to repeat.
            default -> new Problem("about:blank", reason, code, reason, Map.of());
        };
        RequestTrace.problem(request, problem);
        EdgeAnswers.write(response, callback, json.write(problem.body()));
    }
}
