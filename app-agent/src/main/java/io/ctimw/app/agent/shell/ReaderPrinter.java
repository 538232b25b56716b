package io.ctimw.app.agent.shell;

import io.ctimw.app.agent.run.Printer;
import org.jline.reader.LineReader;

/** Prints above the prompt, so feed lines and command output never mangle what the operator is typing. */
final class ReaderPrinter implements Printer {
    private final LineReader reader;

    ReaderPrinter(LineReader reader) {
        this.reader = reader;
    }

    @Override
    public void out(String line) {
        reader.printAbove(line);
    }

    @Override
    public void err(String line) {
        reader.printAbove(line);
    }
}
