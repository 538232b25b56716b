package io.ctimw.app.agent.error;

/** A command line that cannot be run as typed; carries the usage text of the level that failed. */
public final class UsageException extends AgentException {
    private final String usage;

    public UsageException(String message, String usage) {
        super(ExitCode.USAGE, message);
        this.usage = usage;
    }

    public String usage() {
        return usage;
    }
}
