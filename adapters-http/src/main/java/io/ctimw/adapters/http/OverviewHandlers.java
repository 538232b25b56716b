package io.ctimw.adapters.http;

import io.ctimw.core.model.Overview;
import io.ctimw.core.port.in.OverviewUseCase;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/v1/admin/overview}: the admin console's dashboard figures (the core checks the role). */
final class OverviewHandlers {
    static final String PATH = Routes.API + "/admin/overview";

    private final OverviewUseCase overview;
    private final JsonCodec json;

    OverviewHandlers(OverviewUseCase overview, JsonCodec json) {
        this.overview = overview;
        this.json = json;
    }

    void get(Context ctx) {
        if (!ctx.queryParamMap().isEmpty()) {
            throw AdminRequests.bad("this endpoint takes no query parameters");
        }
        JsonResponses.ok(ctx, json.write(body(overview.overview(Authenticator.sessionOf(ctx)))));
    }

    private static Map<String, Object> body(Overview o) {
        Map<String, Object> cti = new LinkedHashMap<>();
        cti.put("up", o.ctiLinkUp());
        cti.put("since", text(o.ctiLinkSince()));
        cti.put("lastReconnectAt", text(o.lastReconnectAt()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("at", o.at().toString());
        out.put("database", o.database());
        out.put("cti", cti);
        out.put("agentsOnline", o.agentsOnline());
        out.put("phonesAttached", o.phonesAttached());
        out.put("bufferedEvents", o.bufferedEvents());
        out.put("eventsPerSecond", o.eventsPerSecond() == null ? null : Math.round(o.eventsPerSecond() * 100) / 100.0);
        out.put("deliveryLagMillis", o.deliveryLag() == null ? null : o.deliveryLag().toMillis());
        out.put("commands", o.commands());
        return out;
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
