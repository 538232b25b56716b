package io.ctimw.adapters.http;

import io.ctimw.core.model.ApiRequest;
import io.ctimw.core.model.ControlRequest;
import io.ctimw.core.port.in.CallControlUseCase;
import io.javalin.http.Context;

/** {@code POST /api/v1/control}: relays an agent's command for the session's own login. */
final class ControlHandlers {
    private final CallControlUseCase control;
    private final RequestBodies bodies;
    private final JsonCodec json;
    private final ControlResults results;
    private final AsyncResults async;
    private final HttpMetrics metrics;

    public ControlHandlers(CallControlUseCase control, RequestBodies bodies, JsonCodec json,
                           ControlResults results, AsyncResults async, HttpMetrics metrics) {
        this.metrics = metrics;
        this.control = control;
        this.bodies = bodies;
        this.json = json;
        this.results = results;
        this.async = async;
    }

    public void send(Context ctx) {
        RequestTrace.command(ctx, ApiRequest.INVALID); // the body is read from here: invalid unless it names a command
        ControlRequest request = ControlRequests.from(json.parseObject(bodies.readJson(ctx)));
        RequestTrace.command(ctx, request.name());
        var session = Authenticator.sessionOf(ctx);
        long started = System.nanoTime();
        ctx.future(() -> async.respond(control.control(session, request), result -> {
            metrics.command(request.name(), result, started);
            JsonResponses.ok(ctx, results.successBody(result));
        }));
    }
}
