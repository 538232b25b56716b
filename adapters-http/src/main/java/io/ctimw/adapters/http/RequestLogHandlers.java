package io.ctimw.adapters.http;

import io.ctimw.core.model.ApiRequest;
import io.ctimw.core.model.DailyReport;
import io.ctimw.core.model.LoggedRequest;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.RequestLogQuery;
import io.ctimw.core.port.in.RequestLogUseCase;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/admin/requests} and {@code GET /api/v1/admin/stats/daily}; the core checks the admin role. */
final class RequestLogHandlers {
    private final RequestLogUseCase log;
    private final JsonCodec json;
    private final Clock clock;

    RequestLogHandlers(RequestLogUseCase log, JsonCodec json, Clock clock) {
        this.log = log;
        this.json = json;
        this.clock = clock;
    }

    void requests(Context ctx) {
        RequestLogQuery query = AdminQueryParser.requests(ctx.queryParamMap());
        List<LoggedRequest> page = log.requests(Authenticator.sessionOf(ctx), query);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requests", page.stream().map(RequestLogHandlers::line).toList());
        body.put("next", page.size() < query.limit() ? null : page.get(page.size() - 1).cursor().toString());
        JsonResponses.ok(ctx, json.write(body));
    }

    void dailyStats(Context ctx) {
        DailyReport report = log.dailyStatistics(Authenticator.sessionOf(ctx),
                AdminQueryParser.stats(ctx.queryParamMap(), clock.instant()));
        JsonResponses.ok(ctx, json.stream(g -> DailyReportJson.write(g, report)));
    }

    private static Map<String, Object> line(LoggedRequest line) {
        ApiRequest r = line.request();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", line.id());
        out.put("at", line.at().toString());
        out.put("login", name(r.login()));
        out.put("attemptedLogin", name(r.attemptedLogin()));
        out.put("clientAddress", r.clientAddress());
        out.put("method", r.method());
        out.put("path", r.path());
        out.put("command", r.command());
        out.put("status", r.status());
        out.put("problemType", r.problemType());
        out.put("durationMillis", r.durationMillis());
        return out;
    }

    private static String name(Login login) {
        return login == null ? null : login.value();
    }
}
