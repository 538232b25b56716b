package io.ctimw.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One readable line per failed request: WARN for 5xx, DEBUG otherwise; 503s go to {@link OutageLog}, which
 * logs each outage once rather than each refused request. Only the method, path, status,
 * session tag and problem detail are logged: never headers, query or body, so never a token or password.
 */
final class RequestLog implements RequestLogger {
    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);

    private final OutageLog outages;

    RequestLog(OutageLog outages) {
        this.outages = outages;
    }

    @Override
    public void handle(Context ctx, Float executionTimeMs) {
        int status = ctx.statusCode();
        boolean serverSide = status >= 500;
        if (status < 400 || (!serverSide && !LOG.isDebugEnabled())) {
            return;
        }
        ErrorMapper.Failure failure = ErrorMapper.failureOf(ctx);
        if (status == 503 && failure != null) {
            outages.record(failure.problem(), failure.cause());
            return;
        }
        String detail = failure == null ? "" : ": " + failure.problem().detail();
        String cause = failure == null || failure.cause() == null ? "" : " (" + failure.cause() + ")";
        String session = Authenticator.tagOf(ctx).map(tag -> " session " + tag).orElse("");
        String line = String.format("%s %s -> %d in %.0f ms%s%s%s", ctx.method(), ctx.path(), status,
                executionTimeMs, session, detail, cause);
        if (serverSide) {
            LOG.warn(line);
        } else {
            LOG.debug(line);
        }
    }
}
