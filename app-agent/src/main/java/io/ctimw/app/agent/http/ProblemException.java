package io.ctimw.app.agent.http;

import java.util.Optional;

/** The middleware answered with an error status; fields come from its problem+json body when it sent one. */
public final class ProblemException extends RuntimeException {
    private final int status;
    private final String title;
    private final String detail;
    private final String ctiDescription;
    private final String retryAfter;

    public ProblemException(int status, String title, String detail, String ctiDescription, String retryAfter) {
        super(status + " " + title + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.ctiDescription = ctiDescription;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The human explanation; falls back to the title so callers always have something to print. */
    public String detail() {
        return detail == null || detail.isBlank() ? title : detail;
    }

    public Optional<String> ctiDescription() {
        return Optional.ofNullable(ctiDescription).filter(s -> !s.isBlank());
    }

    public Optional<String> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
