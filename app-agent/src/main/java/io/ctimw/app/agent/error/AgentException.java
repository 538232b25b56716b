package io.ctimw.app.agent.error;

/** An expected failure: its message is the one line shown to the operator, its code the exit code. */
public class AgentException extends RuntimeException {
    private final ExitCode exitCode;

    public AgentException(ExitCode exitCode, String message) {
        this(exitCode, message, null);
    }

    public AgentException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
