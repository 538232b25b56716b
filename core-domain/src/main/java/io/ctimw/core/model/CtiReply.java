package io.ctimw.core.model;

import io.ctimw.core.model.CallId;
import java.util.List;

/** The one answer the CTI link gives to a command, including "no answer". */
public sealed interface CtiReply {
    /** {@code Ok}: accepted; effects follow as events. */
    record Ok() implements CtiReply {}

    /** {@code Error}: the CTI refused the command; {@code description} is its free text. */
    record Rejected(String description) implements CtiReply {}

    /** {@code ParseError}: the CTI could not parse what we sent (a bug on our side). */
    record Unparsed(String description) implements CtiReply {}

    /**
     * A data reply such as {@code Calls} or {@code UserState}: {@code json} is the message as received,
     * {@code calls} the cids it lists when it is a {@code Calls}, else null.
     */
    record Data(String name, String json, List<CallId> calls) implements CtiReply {
        public Data {
            calls = calls == null ? null : List.copyOf(calls);
        }
    }

    /** The link is down (or went down before the reply came): the command may not have been sent. */
    record LinkDown(String reason, boolean maybeSent) implements CtiReply {
        /** The command was never written: the link was not ready. */
        public LinkDown(String reason) {
            this(reason, false);
        }
    }

    /** No reply within the configured timeout. */
    record TimedOut() implements CtiReply {}
}
