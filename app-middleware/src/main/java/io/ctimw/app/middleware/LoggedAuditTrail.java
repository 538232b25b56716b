package io.ctimw.app.middleware;

import io.ctimw.core.model.AuditEntry;
import io.ctimw.core.port.out.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail as log lines (logger {@code audit}, so operators can route it to its own file): one
 * line per entry, naming the action, who, from where, on what.
 */
final class LoggedAuditTrail implements AuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger("audit");

    @Override
    public void record(AuditEntry e) {
        LOG.info("{} by {} from {} on {}{}{}", e.action(), e.actor() == null ? "-" : e.actor(),
                text(e.address()), text(e.target()),
                e.before() == null && e.after() == null ? "" : ": " + text(e.before()) + " -> " + text(e.after()),
                e.detail() == null ? "" : " (" + text(e.detail()) + ")");
    }

    /** Client-supplied text (a cid tried, a setting's value) must not forge log lines: control characters escaped. */
    private static String text(String s) {
        if (s == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), 200));
        s.codePoints().limit(200).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return s.codePointCount(0, s.length()) > 200 ? out + "..." : out.toString();
    }
}
