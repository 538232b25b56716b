package io.ctimw.adapters.http;

import io.ctimw.core.model.ControlRequest;
import io.ctimw.core.model.IdempotencyKey;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Splits a control body into the command name and its other fields; the core judges the fields. */
final class ControlRequests {
    private ControlRequests() {
    }

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** @throws ProblemException 400 when {@code name} is missing or not a string */
    public static ControlRequest from(Map<String, Object> body) {
        return from(body, null);
    }

    /** @throws ProblemException 400 when {@code name} is missing or not a string */
    public static ControlRequest from(Map<String, Object> body, IdempotencyKey key) {
        if (!(body.get("name") instanceof String name)) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "field 'name' (a string: the command to send) is required");
        }
        Map<String, Object> fields = new LinkedHashMap<>(body);
        fields.remove("name");
        return new ControlRequest(name, fields, key);
    }

    /** The request's {@code Idempotency-Key}, or null; @throws ProblemException 400 naming the header */
    public static IdempotencyKey key(Context ctx) {
        List<String> given = Collections.list(ctx.req().getHeaders(IDEMPOTENCY_KEY));
        if (given.isEmpty()) {
            return null;
        }
        if (given.size() > 1 || !IdempotencyKey.valid(given.get(0))) {
            throw new ProblemException(Problem.of(ProblemType.BAD_REQUEST, "header " + IDEMPOTENCY_KEY
                    + " must be given once, as 1-" + IdempotencyKey.MAX_LENGTH + " visible ASCII characters")
                    .with("header", IDEMPOTENCY_KEY));
        }
        return new IdempotencyKey(given.get(0));
    }
}
