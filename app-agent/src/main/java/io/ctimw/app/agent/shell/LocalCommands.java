package io.ctimw.app.agent.shell;

import io.ctimw.app.agent.cli.UsageText;
import io.ctimw.app.agent.run.Printer;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp;

/** The shell's own words, answered without the middleware: help, events (the recent feed), clear. */
final class LocalCommands {
    private final Terminal terminal;
    private final RecentEvents recent;

    LocalCommands(Terminal terminal, RecentEvents recent) {
        this.terminal = terminal;
        this.recent = recent;
    }

    /** Runs {@code word} if it is one of these; false leaves it to the command table. */
    boolean run(String word, Printer printer) {
        switch (word) {
            case "help", "?" -> UsageText.main(true).lines().forEach(printer::out);
            case "events" -> {
                List<String> shown = recent.lines();
                printer.out(shown.isEmpty() ? "no events yet in this shell (new ones appear as they arrive)"
                        : "the last " + shown.size() + " events of this shell (new ones appear as they arrive):");
                shown.forEach(printer::out);
            }
            case "clear" -> {
                terminal.puts(InfoCmp.Capability.clear_screen);
                terminal.flush();
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
