package io.ctimw.adapters.http;

import io.ctimw.core.model.ApiRequest;
import io.ctimw.core.model.CommandId;
import io.ctimw.core.model.CommandRecord;
import io.ctimw.core.model.ControlRequest;
import io.ctimw.core.model.IdempotencyKey;
import io.ctimw.core.port.in.CallControlUseCase;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/v1/control}: relays an agent's command for the session's own login;
 * {@code GET /api/v1/commands[/{id}]}: the commands that login sent (the ledger).
 */
final class ControlHandlers {
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    private final CallControlUseCase control;
    private final RequestBodies bodies;
    private final JsonCodec json;
    private final ControlResults results;
    private final AsyncResults async;
    private final HttpMetrics metrics;
    private final CommandViews views;

    public ControlHandlers(CallControlUseCase control, RequestBodies bodies, JsonCodec json,
                           ControlResults results, AsyncResults async, HttpMetrics metrics) {
        this.metrics = metrics;
        this.control = control;
        this.bodies = bodies;
        this.json = json;
        this.results = results;
        this.async = async;
        this.views = new CommandViews(json);
    }

    public void send(Context ctx) {
        RequestTrace.command(ctx, ApiRequest.INVALID); // the body is read from here: invalid unless it names a command
        IdempotencyKey key = ControlRequests.key(ctx);
        ControlRequest request = ControlRequests.from(json.parseObject(bodies.readJson(ctx)), key);
        RequestTrace.command(ctx, request.name());
        var session = Authenticator.sessionOf(ctx);
        long started = System.nanoTime();
        ctx.future(() -> async.respond(control.relay(session, request), receipt -> {
            metrics.command(request.name(), receipt.result(), started);
            results.answer(ctx, receipt);
        }));
    }

    /** {@code GET /api/v1/commands?limit=&before=}: the caller's own commands, newest first. */
    public void list(Context ctx) {
        QueryParams query = QueryParams.of(ctx.queryParamMap(), List.of("limit", "before"));
        int limit = (int) query.integer("limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        String before = query.text("before");
        if (before != null && !CommandId.valid(before)) {
            throw QueryParams.bad("before", "before must be a command id (the 'next' of the previous page)");
        }
        List<CommandRecord> page = control.commands(Authenticator.sessionOf(ctx),
                before == null ? null : new CommandId(before), limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("commands", page.stream().map(views::view).toList());
        body.put("next", page.size() == limit ? page.get(page.size() - 1).id().value() : null);
        JsonResponses.ok(ctx, json.write(body));
    }

    /** {@code GET /api/v1/commands/{id}}: one of the caller's commands; another login's is 404 like a missing one. */
    public void one(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<CommandRecord> found = CommandId.valid(id)
                ? control.command(Authenticator.sessionOf(ctx), new CommandId(id)) : Optional.empty();
        CommandRecord command = found.orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "you sent no command with id '" + (CommandId.valid(id) ? id : "?") + "'"));
        JsonResponses.ok(ctx, json.write(views.view(command)));
    }
}
