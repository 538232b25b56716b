package io.ctimw.app.agent.run;

import java.io.PrintStream;

/** Where the agent's lines go: stdout/stderr on the command line, above the prompt in the shell. */
public interface Printer {
    void out(String line);

    void err(String line);

    static Printer of(PrintStream out, PrintStream err) {
        return new Printer() {
            @Override
            public void out(String line) {
                out.println(line);
                out.flush();
            }

            @Override
            public void err(String line) {
                err.println(line);
                err.flush();
            }
        };
    }
}
