package io.ctimw.app.agent.shell;

import io.ctimw.app.agent.error.AgentException;
import io.ctimw.app.agent.error.ExitCode;
import io.ctimw.app.agent.run.CommandRunner;
import io.ctimw.app.agent.session.Session;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

/** Asks for login and password on the shell's own terminal when there is no stored session. */
final class ShellLogin {
    private ShellLogin() {
    }

    static Session prompt(LineReader reader, CommandRunner runner) {
        try {
            String login = reader.readLine("login: ").strip();
            if (login.isEmpty()) {
                throw new AgentException(ExitCode.NOT_LOGGED_IN, "no login given");
            }
            // The mask keeps the password off the screen; history is off so it never reaches the file.
            reader.setVariable(LineReader.DISABLE_HISTORY, true);
            String password;
            try {
                password = reader.readLine("password: ", '*');
            } finally {
                reader.setVariable(LineReader.DISABLE_HISTORY, false);
            }
            return runner.login(login, password.toCharArray());
        } catch (UserInterruptException | EndOfFileException e) {
            throw new AgentException(ExitCode.NOT_LOGGED_IN, "login cancelled");
        }
    }
}
