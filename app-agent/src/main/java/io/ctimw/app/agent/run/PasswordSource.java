package io.ctimw.app.agent.run;

import io.ctimw.app.agent.error.ExitCode;
import io.ctimw.app.agent.error.AgentException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Gets the login password: from the terminal without echo, or the first line of stdin. */
public interface PasswordSource {
    /** The one wording of the password question, on the command line and in the shell. */
    String PROMPT = "Password for %s: ";

    char[] prompt(String login);

    /** The real terminal, through System.console(); absent when stdin or stdout is redirected. */
    static PasswordSource systemConsole() {
        return login -> {
            Console console = System.console();
            if (console == null) {
                throw new AgentException(ExitCode.USAGE,
                        "no terminal to ask for the password; use --password-stdin and pipe it in");
            }
            char[] password = console.readPassword(PROMPT, login);
            if (password == null) {
                throw new AgentException(ExitCode.USAGE, "no password given");
            }
            return password;
        };
    }

    /** Reads exactly one line, so a script can pipe the password without leaving it in argv or env. */
    static char[] firstLine(InputStream in) {
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new AgentException(ExitCode.USAGE, "--password-stdin: stdin had no password line");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new AgentException(ExitCode.USAGE, "--password-stdin: cannot read stdin: " + e.getMessage(), e);
        }
    }
}
