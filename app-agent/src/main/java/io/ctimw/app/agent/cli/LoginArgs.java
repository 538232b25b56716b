package io.ctimw.app.agent.cli;

import com.beust.jcommander.Parameter;

/** Options of {@code login}. */
public final class LoginArgs extends CommandArgs {
    @Parameter(names = "--password-stdin", description = "read the password from the first line of stdin")
    private boolean passwordStdin;

    public boolean passwordStdin() {
        return passwordStdin;
    }
}
