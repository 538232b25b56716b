package io.ctimw.adapters.http;

import io.ctimw.core.model.ControlResult.Accepted;
import io.ctimw.core.model.ControlResult.CtiParseError;
import io.ctimw.core.model.ControlResult.CtiRejected;
import io.ctimw.core.model.ControlResult.DataReply;
import io.ctimw.core.model.ControlResult.Invalid;
import io.ctimw.core.model.ControlResult.TimedOut;
import io.ctimw.core.model.ControlResult.Unavailable;
import io.ctimw.core.model.ControlResult.UnknownCall;
import io.ctimw.core.model.ControlResult;
import io.ctimw.core.model.CommandReceipt;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps each {@link ControlResult} to its answer: the success body, or a {@link ProblemException} for
 * the error mapper. A command the ledger holds adds its id ({@code Location}, {@code commandId}); a
 * replay answers exactly as the first attempt did, marked {@code Idempotent-Replay: true}.
 */
final class ControlResults {
    private final JsonCodec json;

    public ControlResults(JsonCodec json) {
        this.json = json;
    }

    /** Answers with the receipt: headers first, then the 200 body, or throws the problem for the error mapper. */
    public void answer(Context ctx, CommandReceipt receipt) {
        String id = receipt.id() == null ? null : receipt.id().value();
        if (id != null) {
            ctx.header("Location", Routes.API + "/commands/" + id);
        }
        if (receipt.replayed()) {
            ctx.header("Idempotent-Replay", "true");
        }
        try {
            JsonResponses.ok(ctx, successBody(receipt.result(), id));
        } catch (ProblemException e) {
            throw id == null ? e : new ProblemException(e.problem().with("commandId", id));
        }
    }

    /** The 200 body for a success; throws for every other outcome. */
    private byte[] successBody(ControlResult result, String commandId) {
        if (result instanceof Accepted accepted) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", "Ok");
            body.put("command", accepted.command());
            if (commandId != null) {
                body.put("commandId", commandId);
            }
            return json.write(body);
        }
        if (result instanceof DataReply data) {
            // rid is our correlation id with the CTI, meaningless to the agent.
            return json.object(data.json()).map(reply -> {
                reply.remove("rid");
                if (commandId != null) {
                    reply.put("commandId", commandId);
                }
                return json.write(reply);
            }).orElseThrow(() -> new ProblemException(
                    ProblemType.CTI_BAD_REPLY, "the CTI's " + data.name() + " reply is not a JSON object"));
        }
        throw new ProblemException(problem(result));
    }

    private static Problem problem(ControlResult result) {
        if (result instanceof Invalid invalid) {
            return Problem.of(ProblemType.INVALID_COMMAND, invalid.detail());
        }
        if (result instanceof UnknownCall unknown) {
            // Same answer whether the call belongs to nobody or to another agent.
            return Problem.of(ProblemType.UNKNOWN_CALL, "there is no call '" + unknown.cid() + "' on your phone");
        }
        if (result instanceof CtiRejected rejected) {
            return Problem.of(ProblemType.CTI_REJECTED, rejected.description())
                    .with("ctiDescription", rejected.description());
        }
        if (result instanceof CtiParseError parse) {
            return Problem.of(ProblemType.CTI_PARSE_ERROR, "the CTI could not parse the command: " + parse.description());
        }
        if (result instanceof Unavailable down) {
            return Problem.of(ProblemType.CTI_UNAVAILABLE, down.reason());
        }
        if (result instanceof ControlResult.KeyConflict conflict) {
            return Problem.of(ProblemType.IDEMPOTENCY_CONFLICT, "the Idempotency-Key '" + conflict.key()
                    + "' already stands for another command of yours; use a new key for a new command");
        }
        if (result instanceof TimedOut) {
            return Problem.of(ProblemType.CTI_TIMEOUT,
                    "the CTI did not answer in time; the command may or may not have taken effect");
        }
        // Java 17 has no exhaustive switch over sealed types; ControlResultsTest covers every case.
        throw new IllegalStateException("unmapped control result " + result.getClass().getSimpleName());
    }
}
