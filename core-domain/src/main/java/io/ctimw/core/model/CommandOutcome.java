package io.ctimw.core.model;

import java.util.Objects;

/**
 * What became of a relayed command, as the ledger keeps it: a status and the CTI's reply (its name and
 * text: the data message, or the Error/ParseError description; for {@code cti-down} the reason). Turns
 * back into the same {@link ControlResult}, so a replay answers exactly as the first attempt did.
 */
public record CommandOutcome(Status status, String replyName, String reply) {
    /** The outcome's kinds; {@code code} is how they are stored and shown. */
    public enum Status {
        SENT("sent"), OK("ok"), REFUSED("refused"), PARSE_ERROR("parse-error"), CTI_DOWN("cti-down"),
        TIMEOUT("timeout");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Status ofCode(String code) {
            for (Status s : values()) {
                if (s.code.equals(code)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown command status " + code);
        }
    }

    public static final CommandOutcome SENT = new CommandOutcome(Status.SENT, null, null);

    public CommandOutcome {
        Objects.requireNonNull(status, "status");
    }

    /** The outcome of a command the CTI answered (or failed to). Refusals before sending are not outcomes. */
    public static CommandOutcome of(ControlResult result) {
        if (result instanceof ControlResult.Accepted) {
            return new CommandOutcome(Status.OK, "Ok", null);
        }
        if (result instanceof ControlResult.DataReply data) {
            return new CommandOutcome(Status.OK, data.name(), data.json());
        }
        if (result instanceof ControlResult.CtiRejected rejected) {
            return new CommandOutcome(Status.REFUSED, "Error", rejected.description());
        }
        if (result instanceof ControlResult.CtiParseError parse) {
            return new CommandOutcome(Status.PARSE_ERROR, "ParseError", parse.description());
        }
        if (result instanceof ControlResult.Unavailable down) {
            return new CommandOutcome(Status.CTI_DOWN, null, down.reason());
        }
        if (result instanceof ControlResult.TimedOut) {
            return new CommandOutcome(Status.TIMEOUT, null, null);
        }
        throw new IllegalArgumentException("not an outcome of a sent command: " + result);
    }

    /** The answer this outcome gave; a command still in flight reads as timed out (its fate is unknown). */
    public ControlResult result(String command) {
        return switch (status) {
            case OK -> "Ok".equals(replyName) ? new ControlResult.Accepted(command)
                    : new ControlResult.DataReply(replyName, reply);
            case REFUSED -> new ControlResult.CtiRejected(reply);
            case PARSE_ERROR -> new ControlResult.CtiParseError(reply);
            case CTI_DOWN -> new ControlResult.Unavailable(reply);
            case SENT, TIMEOUT -> new ControlResult.TimedOut();
        };
    }
}
