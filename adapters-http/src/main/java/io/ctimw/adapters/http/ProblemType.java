package io.ctimw.adapters.http;

/** The kinds of error this API answers with: status, RFC 9457 {@code type} URI and {@code title}. */
enum ProblemType {
    BAD_REQUEST(400, "bad-request", "Bad request"),
    INVALID_COMMAND(400, "invalid-command", "Invalid command"),
    INVALID_SETTING(400, "invalid-setting", "Invalid setting"),
    UNAUTHORIZED(401, "unauthorized", "Authentication required"),
    LOGIN_REJECTED(401, "login-rejected", "Login rejected"),
    FORBIDDEN(403, "forbidden", "Forbidden"),
    NOT_FOUND(404, "not-found", "Not found"),
    UNKNOWN_CALL(404, "unknown-call", "Unknown call"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    USER_EXISTS(409, "user-exists", "User exists"),
    LAST_ADMIN(409, "last-admin", "Last administrator"),
    BODY_TIMEOUT(408, "body-timeout", "Request body too slow"),
    CONTENT_TOO_LARGE(413, "content-too-large", "Content too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    CTI_REJECTED(422, "cti-rejected", "Rejected by the CTI"),
    IDEMPOTENCY_CONFLICT(422, "idempotency-conflict", "Idempotency key reused"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests from your address"),
    TOO_MANY_STREAMS(429, "too-many-streams", "Too many open event streams"),
    TOO_MANY_ATTEMPTS(429, "too-many-attempts", "Too many failed logins"),
    INTERNAL_ERROR(500, "internal-error", "Internal server error"),
    CTI_PARSE_ERROR(502, "cti-parse-error", "The CTI could not parse the command"),
    CTI_BAD_REPLY(502, "cti-bad-reply", "The CTI sent an unreadable reply"),
    CTI_UNAVAILABLE(503, "cti-unavailable", "CTI link unavailable"),
    STORE_UNAVAILABLE(503, "store-unavailable", "Database unavailable"),
    LOGIN_BUSY(503, "login-busy", "Too many logins at once"),
    SERVER_BUSY(503, "server-busy", "Server busy"),
    TIMED_OUT(503, "timed-out", "Request took too long"),
    SHUTTING_DOWN(503, "shutting-down", "Service stopping"),
    CTI_TIMEOUT(504, "cti-timeout", "The CTI did not answer in time");

    /**
     * Problem types are identifiers, not documents: a tag URI (RFC 4151) is never dereferenced, as
     * RFC 9457 suggests for types without a web page.
     */
    public static final String TYPE_BASE = "tag:ctimw.io,2026:problem/";

    private final int status;
    private final String uri;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.uri = TYPE_BASE + slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    /** 503s are the answers a client may retry later, so they carry {@code Retry-After}. */
    public boolean retryable() {
        return status == 503;
    }
}
