package io.ctimw.app.agent.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;

/** Opens the terminal the shell runs on: the real one, or a dumb one over given streams (tests). */
@FunctionalInterface
public interface TerminalSource {
    Terminal open() throws IOException;

    static TerminalSource system() {
        // dumb(true): with stdin piped there is no tty; a plain line terminal is fine, without a warning
        return () -> TerminalBuilder.builder().system(true).dumb(true).build();
    }

    static TerminalSource streams(InputStream in, OutputStream out) {
        // Built directly: TerminalBuilder.streams(...) picks a pty-backed terminal that closes at input EOF.
        return () -> new DumbTerminal("cti-agent", "dumb", in, out, StandardCharsets.UTF_8);
    }
}
