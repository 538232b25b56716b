package io.ctimw.adapters.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One RFC 9457 problem: the {@code type}/{@code title}/{@code status}/{@code detail} members plus
 * optional extension members (e.g. {@code ctiDescription}, {@code errorId}).
 */
record Problem(String type, String title, int status, String detail, Map<String, Object> extensions) {
    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, Map.of());
    }

    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(type, title, status, detail, more);
    }

    /** The members in the order clients read them: the four standard ones first. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        extensions.forEach(body::putIfAbsent);
        return body;
    }
}
