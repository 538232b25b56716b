package io.ctimw.app.agent.shell;

import io.ctimw.app.agent.error.AgentException;
import io.ctimw.app.agent.error.ExitCode;
import io.ctimw.app.agent.run.CommandRunner;
import io.ctimw.app.agent.run.PasswordSource;
import io.ctimw.app.agent.run.Printer;
import io.ctimw.app.agent.session.Session;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

/**
 * Asks for login and password on the shell's own terminal when there is no stored session, with
 * the same words and the same silence as {@code cti-agent login}; a wrong password is asked again.
 */
final class ShellLogin {
    static final int ATTEMPTS = 3;
    /** JLine echoes nothing at all for this mask, as the console's readPassword does. */
    private static final char NO_ECHO = 0;

    private ShellLogin() {
    }

    static Session prompt(LineReader reader, CommandRunner runner, Printer printer) {
        try {
            String login = reader.readLine("Login: ").strip();
            if (login.isEmpty()) {
                throw new AgentException(ExitCode.NOT_LOGGED_IN, "no login given");
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    return runner.login(login, readPassword(reader, login));
                } catch (AgentException e) {
                    if (e.exitCode() != ExitCode.REFUSED || attempt == ATTEMPTS) {
                        throw e;
                    }
                    printer.err(e.getMessage());
                }
            }
        } catch (UserInterruptException | EndOfFileException e) {
            throw new AgentException(ExitCode.NOT_LOGGED_IN, "login cancelled");
        }
    }

    private static char[] readPassword(LineReader reader, String login) {
        // History is off so the password never reaches the history file.
        reader.setVariable(LineReader.DISABLE_HISTORY, true);
        try {
            return reader.readLine(String.format(PasswordSource.PROMPT, login), NO_ECHO).toCharArray();
        } finally {
            reader.setVariable(LineReader.DISABLE_HISTORY, false);
        }
    }
}
