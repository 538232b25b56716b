package io.ctimw.app.agent.shell;

import io.ctimw.app.agent.cli.Arg;
import io.ctimw.app.agent.cli.CliParser;
import io.ctimw.app.agent.cli.CommandDef;
import io.ctimw.app.agent.cli.CommandTable;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** Tab completion from the command table: command names first, then live cids and common states. */
public final class ShellCompleter implements Completer {
    static final List<String> SHELL_WORDS = List.of("events", "clear", "help", "quit", "exit");

    private final KnownCalls calls;

    public ShellCompleter(KnownCalls calls) {
        this.calls = calls;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        suggestions(line.words(), line.wordIndex()).forEach(s -> candidates.add(new Candidate(s)));
    }

    /** The words that fit at {@code index}, given the words typed so far; JLine filters by prefix. */
    public List<String> suggestions(List<String> words, int index) {
        if (index <= 0) {
            List<String> names = new ArrayList<>();
            CommandTable.all().stream().map(CommandDef::name)
                    .filter(n -> !CliParser.NOT_IN_SHELL.contains(n)).forEach(names::add);
            names.addAll(SHELL_WORDS);
            return names;
        }
        Arg arg = CommandTable.find(words.get(0)).map(d -> d.argAt(index - 1)).orElse(null);
        if (arg == Arg.CID) {
            return calls.cids();
        }
        if (arg == Arg.STATE) {
            return CommandTable.COMMON_STATES;
        }
        return List.of();
    }
}
