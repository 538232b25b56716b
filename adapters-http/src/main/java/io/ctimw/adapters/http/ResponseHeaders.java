package io.ctimw.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/** Headers every answer carries, errors included: set before routing so no path can skip them. */
final class ResponseHeaders implements Handler {
    @Override
    public void handle(Context ctx) {
        // Answers are per-agent and often carry a token: no cache or proxy may keep them.
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
    }
}
