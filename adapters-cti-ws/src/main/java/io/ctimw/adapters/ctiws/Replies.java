package io.ctimw.adapters.ctiws;

import io.ctimw.core.model.CtiReply;
import org.java_websocket.framing.CloseFrame;

/** Short operator-readable texts for replies and close codes, for log lines and LinkDown reasons. */
final class Replies {
    private Replies() {
    }

    static String describe(CtiReply reply) {
        if (reply == null) {
            return "(none)";
        }
        // Java 17: no pattern switch over the sealed type yet.
        if (reply instanceof CtiReply.Rejected r) {
            return "Error: " + r.description();
        } else if (reply instanceof CtiReply.Unparsed u) {
            return "ParseError: " + u.description();
        } else if (reply instanceof CtiReply.Data d) {
            return d.name();
        } else if (reply instanceof CtiReply.LinkDown l) {
            return "link down: " + l.reason();
        } else if (reply instanceof CtiReply.TimedOut) {
            return "no reply in time";
        }
        return "Ok";
    }

    static String closeReason(int code, String reason, boolean remote) {
        String text = reason == null || reason.isBlank() ? "" : " " + reason;
        if (code == CloseFrame.NEVER_CONNECTED) {
            return "not connected:" + (text.isEmpty() ? " unknown error" : text);
        }
        return "closed by " + (remote ? "server" : "client") + ", code " + code + text;
    }
}
