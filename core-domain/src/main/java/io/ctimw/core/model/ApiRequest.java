package io.ctimw.core.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One answered {@code /api/v1} request, as the HTTP edge saw it: who (the session's login, or the login a
 * login attempt tried), from where, what (method, path: the route template, or the raw path when no route
 * matched), the command of a control request, and the answer. Never a body, password, token or query.
 *
 * @param login          the session's user; null when the request had no valid session
 * @param attemptedLogin the login a login request tried (success or not); null otherwise
 * @param path           the route template when {@code routed}, else the raw path (cut to {@link #MAX_PATH})
 * @param command        for a control request whose body was read: the command's name, or {@link #INVALID}
 *                       (the core keeps only names of its catalog); null otherwise
 * @param problemType    the problem type's slug (e.g. {@code forbidden}) of an error answer, else null
 */
public record ApiRequest(Login login, Login attemptedLogin, String clientAddress, String method, String path,
                         boolean routed, String command, int status, String problemType, long durationMillis) {
    public static final String INVALID = "invalid";
    public static final int MAX_PATH = 200;
    public static final int MAX_TEXT = 64;
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    public ApiRequest {
        method = method != null && METHODS.contains(method.toUpperCase(Locale.ROOT)) ? method.toUpperCase(Locale.ROOT) : "OTHER";
        path = clean(Objects.requireNonNullElse(path, ""), MAX_PATH);
        clientAddress = clean(Objects.requireNonNullElse(clientAddress, ""), MAX_TEXT);
        command = command == null ? null : clean(command, MAX_TEXT);
        problemType = problemType == null ? null : clean(problemType, MAX_TEXT);
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100-599, got " + status);
        }
        durationMillis = Math.max(0, Math.min(durationMillis, Integer.MAX_VALUE));
    }

    /** The same request with the command named only if {@code known} (else {@link #INVALID}). */
    public ApiRequest withCommandChecked(java.util.function.Predicate<String> known) {
        if (command == null || known.test(command)) {
            return this;
        }
        return new ApiRequest(login, attemptedLogin, clientAddress, method, path, routed, INVALID, status,
                problemType, durationMillis);
    }

    /**
     * What the daily statistics count it under, with few enough values to be a counter's key: the command
     * ({@code control:Answer}) for a control request, else the method and route template
     * ({@code GET /api/v1/events}); a request no route matched counts as {@code GET (no route)}.
     */
    public String apiMethod() {
        if (command != null) {
            return "control:" + command;
        }
        return method + " " + (routed ? path : "(no route)");
    }

    // Text from the wire goes into a database column and an admin's screen: visible characters only, bounded.
    private static String clean(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            boolean invisible = Character.isISOControl(c) || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED;
            out.append(invisible ? '?' : c);
        }
        return out.toString();
    }

    /** 4xx and 5xx answers: the "bad calls" of the statistics. */
    public boolean bad() {
        return status >= 400;
    }
}
