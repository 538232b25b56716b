package io.ctimw.app.agent.shell;

import io.ctimw.app.agent.run.Printer;
import org.jline.reader.LineReader;

/**
 * Prints above the prompt, so feed lines and command output never mangle what the operator is typing;
 * a line longer than the terminal is cut to its width (a wrapped line would push the prompt around).
 */
final class ReaderPrinter implements Printer {
    private final LineReader reader;

    ReaderPrinter(LineReader reader) {
        this.reader = reader;
    }

    @Override
    public void out(String line) {
        reader.printAbove(fit(line, reader.getTerminal().getWidth()));
    }

    @Override
    public void err(String line) {
        reader.printAbove(fit(line, reader.getTerminal().getWidth()));
    }

    /** {@code line} cut to {@code width} columns with a trailing '…'; width 0 (unknown) cuts nothing. */
    static String fit(String line, int width) {
        if (width <= 1 || line.codePointCount(0, line.length()) <= width) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, width - 1)) + "…";
    }
}
