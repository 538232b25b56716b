package io.ctimw.app.agent.shell;

import io.ctimw.app.agent.run.Printer;
import org.jline.reader.LineReader;

/**
 * Prints above the prompt, so feed lines and command output never mangle what the operator is typing;
 * a line longer than the terminal is cut to its width (a wrapped line would push the prompt around).
 */
final class ReaderPrinter implements Printer {
    private final LineReader reader;
    private final String ellipsis;

    ReaderPrinter(LineReader reader) {
        this.reader = reader;
        // '…' where the terminal can show it; a terminal in a POSIX locale gets "...".
        this.ellipsis = reader.getTerminal().encoding().newEncoder().canEncode('…') ? "…" : "...";
    }

    @Override
    public void out(String line) {
        reader.printAbove(fit(line, reader.getTerminal().getWidth(), ellipsis));
    }

    @Override
    public void err(String line) {
        reader.printAbove(fit(line, reader.getTerminal().getWidth(), ellipsis));
    }

    /** {@code line} cut to {@code width} columns, ending in {@code ellipsis}; width 0 (unknown) cuts nothing. */
    static String fit(String line, int width, String ellipsis) {
        if (width <= ellipsis.length() || line.codePointCount(0, line.length()) <= width) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, width - ellipsis.length())) + ellipsis;
    }
}
