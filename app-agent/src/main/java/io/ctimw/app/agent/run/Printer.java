package io.ctimw.app.agent.run;

import io.ctimw.app.agent.error.OutputClosedException;
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
                if (out.checkError()) {
                    // e.g. `events | head -3` after head exited: stop, so no unseen event is marked seen
                    throw new OutputClosedException();
                }
            }

            @Override
            public void err(String line) {
                err.println(line);
                err.flush();
            }
        };
    }
}
