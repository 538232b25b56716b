package io.ctimw.adapters.http;

import io.ctimw.core.model.ApiRequest;
import io.ctimw.core.model.Login;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import org.eclipse.jetty.server.Request;

/**
 * What the request log keeps of one {@code /api/v1} request, noted where each part is known: the edge
 * opens it ({@link RequestTracer}), the routes add the session's login, the route template, the login tried
 * and the command, whoever answers with a problem adds its type; the edge closes it when the answer is done.
 * Several threads may write it one after another (the answer's completion orders them), hence volatile.
 */
final class RequestTrace {
    private static final String ATTRIBUTE = RequestTrace.class.getName();

    private final long startNanos = System.nanoTime();
    private final String address;
    private final String method;
    private final String rawPath;
    private volatile Login login;
    private volatile Login attemptedLogin;
    private volatile String route;
    private volatile String command;
    private volatile String problemType;

    private RequestTrace(String address, String method, String rawPath) {
        this.address = address;
        this.method = method;
        this.rawPath = rawPath;
    }

    static RequestTrace open(Request request) {
        RequestTrace trace = new RequestTrace(Request.getRemoteAddr(request), request.getMethod(),
                Request.getPathInContext(request));
        request.setAttribute(ATTRIBUTE, trace);
        return trace;
    }

    /** Notes the problem an answer carries (edge, Jetty or route answers alike); no-op outside the API. */
    static void problem(Request request, Problem problem) {
        if (request != null && request.getAttribute(ATTRIBUTE) instanceof RequestTrace trace) {
            trace.problemType = slug(problem);
        }
    }

    /** The login a login request tried, right or wrong. */
    static void attemptedLogin(Context ctx, Login login) {
        of(ctx).attemptedLogin = login;
    }

    /** The command a control request's body named ({@link ApiRequest#INVALID} until it names one). */
    static void command(Context ctx, String name) {
        of(ctx).command = name;
    }

    /** As a Javalin request logger: what only the routes know, once they are done with the request. */
    static void routed(Context ctx, Float ignoredMillis) {
        RequestTrace trace = of(ctx);
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint != null) {
            trace.route = endpoint.path;
        }
        Authenticator.loginOf(ctx).ifPresent(l -> trace.login = l);
        ErrorMapper.Failure failure = ErrorMapper.failureOf(ctx);
        if (failure != null) {
            trace.problemType = slug(failure.problem());
        }
    }

    private static RequestTrace of(Context ctx) {
        RequestTrace trace = ctx.attribute(ATTRIBUTE);
        return trace != null ? trace : new RequestTrace("", "", ""); // outside the API: noted nowhere
    }

    private static String slug(Problem problem) {
        String type = problem.type();
        return type.startsWith(ProblemType.TYPE_BASE) ? type.substring(ProblemType.TYPE_BASE.length()) : type;
    }

    /** The line for the log, once the answer is done (or failed: {@code status} then says what was sent). */
    ApiRequest close(int status) {
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        String template = route;
        return new ApiRequest(login, attemptedLogin, address, method, template != null ? template : rawPath,
                template != null, command, status, status >= 400 ? problemType : null, millis);
    }
}
