package io.ctimw.adapters.http;

import io.javalin.http.Context;

/** Writes ready-made JSON bytes as a response; one place for the media types. */
final class JsonResponses {
    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    private JsonResponses() {
    }

    public static void ok(Context ctx, byte[] body) {
        send(ctx, 200, body);
    }

    public static void send(Context ctx, int status, byte[] body) {
        ctx.status(status).contentType(JSON).result(body);
    }
}
