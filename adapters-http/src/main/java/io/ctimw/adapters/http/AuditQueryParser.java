package io.ctimw.adapters.http;

import io.ctimw.core.model.AuditAction;
import io.ctimw.core.model.AuditQuery;
import io.ctimw.core.model.Login;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** Turns the query string of {@code GET /api/v1/admin/audit} into an {@link AuditQuery}, strictly. */
final class AuditQueryParser {
    static final int DEFAULT_LIMIT = 100;
    private static final List<String> KNOWN = List.of("action", "actor", "target", "from", "to", "limit", "before");
    private static final String ACTIONS = Arrays.stream(AuditAction.values()).map(AuditAction::wireName)
            .collect(Collectors.joining(", "));

    AuditQuery parse(Map<String, List<String>> query) {
        QueryParams params = QueryParams.of(query, KNOWN);
        String actionText = params.text("action");
        AuditAction action = actionText == null ? null : AuditAction.fromWireName(actionText)
                .orElseThrow(() -> QueryParams.bad("action", "action must be one of " + ACTIONS));
        String actorText = params.text("actor");
        if (actorText != null && !Login.isValid(actorText)) {
            throw QueryParams.bad("actor", "actor must be a login: 1-" + Login.MAX_LENGTH
                    + " letters, digits and . _ @ + -");
        }
        String target = params.text("target");
        if (target != null && target.length() > AuditQuery.MAX_TARGET_LENGTH) {
            throw QueryParams.bad("target", "target must be at most " + AuditQuery.MAX_TARGET_LENGTH + " characters");
        }
        Instant from = params.instant("from");
        Instant to = params.instant("to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw QueryParams.bad("to", "to must be after from");
        }
        int limit = (int) params.integer("limit", 1, AuditQuery.MAX_LIMIT, DEFAULT_LIMIT);
        long before = params.integer("before", 1, Long.MAX_VALUE, 0);
        return new AuditQuery(action, actorText == null ? null : new Login(actorText), target, from, to, limit,
                before == 0 ? OptionalLong.empty() : OptionalLong.of(before));
    }
}
