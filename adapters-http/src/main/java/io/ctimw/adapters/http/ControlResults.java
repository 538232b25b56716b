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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps each {@link ControlResult} to its answer: the success body, or a {@link ProblemException} for
 * the error mapper.
 */
final class ControlResults {
    private final JsonCodec json;

    public ControlResults(JsonCodec json) {
        this.json = json;
    }

    /** The 200 body for a success; throws for every other outcome. */
    public byte[] successBody(ControlResult result) {
        if (result instanceof Accepted accepted) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", "Ok");
            body.put("command", accepted.command());
            return json.write(body);
        }
        if (result instanceof DataReply data) {
            // rid is our correlation id with the CTI, meaningless to the agent.
            return json.withoutMember(data.json(), "rid").orElseThrow(() -> new ProblemException(
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
        if (result instanceof TimedOut) {
            return Problem.of(ProblemType.CTI_TIMEOUT,
                    "the CTI did not answer in time; the command may or may not have taken effect");
        }
        // Java 17 has no exhaustive switch over sealed types; ControlResultsTest covers every case.
        throw new IllegalStateException("unmapped control result " + result.getClass().getSimpleName());
    }
}
