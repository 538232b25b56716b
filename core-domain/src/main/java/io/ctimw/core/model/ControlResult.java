package io.ctimw.core.model;

/** What became of an agent's command; the HTTP adapter maps each case to one status. */
public sealed interface ControlResult {
    /** The CTI answered Ok. */
    record Accepted(String command) implements ControlResult {}

    /** The CTI answered with data ({@code Calls}, {@code UserState}); {@code json} as received. */
    record DataReply(String name, String json) implements ControlResult {}

    /** The request is malformed or not in the catalog; nothing was sent. */
    record Invalid(String detail) implements ControlResult {}

    /** The cid is not a current call of the caller's login; nothing was sent. */
    record UnknownCall(String cid) implements ControlResult {}

    /** The CTI answered Error. */
    record CtiRejected(String description) implements ControlResult {}

    /** The CTI answered ParseError (our encoding is at fault). */
    record CtiParseError(String description) implements ControlResult {}

    /** The CTI link is down; the agent may retry later. */
    record Unavailable(String reason, boolean maybeSent) implements ControlResult {
        /** Nothing was sent. */
        public Unavailable(String reason) {
            this(reason, false);
        }
    }

    /** The CTI did not answer in time; the command may or may not have taken effect. */
    record TimedOut() implements ControlResult {}

    /** The idempotency key already stands for another command of this login; nothing was sent. */
    record KeyConflict(String key) implements ControlResult {}
}
