package io.ctimw.adapters.http;

import io.ctimw.core.model.Readiness;
import io.ctimw.core.port.in.ReadinessUseCase;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /health} (the process answers) and {@code /ready} (database and CTI link are up). */
final class HealthHandlers {
    private static final byte[] UP = "{\"status\":\"UP\"}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final ReadinessUseCase readiness;
    private final JsonCodec json;
    private final int retryAfterSeconds;

    public HealthHandlers(ReadinessUseCase readiness, JsonCodec json, int retryAfterSeconds) {
        this.readiness = readiness;
        this.json = json;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Liveness touches nothing, so a database outage never gets the process restarted. */
    public void live(Context ctx) {
        JsonResponses.ok(ctx, UP);
    }

    public void ready(Context ctx) {
        Readiness state = readiness.check();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", state.ready() ? "READY" : "NOT_READY");
        body.put("database", state.database());
        body.put("cti", state.cti());
        body.put("bufferedEvents", state.bufferedEvents());
        body.put("attachedPhones", state.attachedPhones());
        body.put("quarantinedEvents", state.quarantinedEvents());
        body.put("quarantineFailures", state.quarantineFailures());
        body.put("unloggedEvents", state.unloggedEvents());
        if (!state.ready()) {
            ctx.header("Retry-After", Integer.toString(retryAfterSeconds));
        }
        JsonResponses.send(ctx, state.ready() ? 200 : 503, json.write(body));
    }
}
