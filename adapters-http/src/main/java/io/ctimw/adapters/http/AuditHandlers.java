package io.ctimw.adapters.http;

import io.ctimw.core.model.AuditEntry;
import io.ctimw.core.model.AuditPage;
import io.ctimw.core.model.StoredAuditEntry;
import io.ctimw.core.port.in.AuditUseCase;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/admin/audit}: the audit trail for administrators (the core checks the role). */
final class AuditHandlers {
    private final AuditUseCase audit;
    private final AuditQueryParser queries = new AuditQueryParser();
    private final JsonCodec json;

    AuditHandlers(AuditUseCase audit, JsonCodec json) {
        this.audit = audit;
        this.json = json;
    }

    void list(Context ctx) {
        AuditPage page = audit.read(Authenticator.sessionOf(ctx), queries.parse(ctx.queryParamMap()));
        Map<String, Object> body = new LinkedHashMap<>();
        List<Map<String, Object>> entries = page.entries().stream().map(AuditHandlers::entry).toList();
        body.put("entries", entries);
        body.put("next", page.next().isPresent() ? page.next().getAsLong() : null);
        JsonResponses.ok(ctx, json.write(body));
    }

    private static Map<String, Object> entry(StoredAuditEntry stored) {
        AuditEntry e = stored.entry();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", stored.id());
        out.put("at", e.at().toString());
        out.put("action", e.action().wireName());
        out.put("actor", e.actor() == null ? null : e.actor().value());
        out.put("address", e.address());
        out.put("target", e.target());
        out.put("before", e.before());
        out.put("after", e.after());
        out.put("detail", e.detail());
        return out;
    }
}
