package io.ctimw.app.agent.error;

/** The documented process exit codes of cti-agent (see AGENT.md); scripts depend on these numbers. */
public enum ExitCode {
    OK(0),
    UNEXPECTED(1),
    USAGE(2),
    UNREACHABLE(3),
    NOT_LOGGED_IN(4),
    REFUSED(5),
    SERVER_ERROR(6);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
