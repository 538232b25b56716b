package io.ctimw.adapters.http;

import io.ctimw.core.model.ControlRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/** Splits a control body into the command name and its other fields; the core judges the fields. */
final class ControlRequests {
    private ControlRequests() {
    }

    /** @throws ProblemException 400 when {@code name} is missing or not a string */
    public static ControlRequest from(Map<String, Object> body) {
        if (!(body.get("name") instanceof String name)) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "field 'name' (a string: the command to send) is required");
        }
        Map<String, Object> fields = new LinkedHashMap<>(body);
        fields.remove("name");
        return new ControlRequest(name, fields);
    }
}
