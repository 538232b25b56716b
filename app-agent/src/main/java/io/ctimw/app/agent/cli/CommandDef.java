package io.ctimw.app.agent.cli;

import java.util.List;
import java.util.function.Supplier;

/** One row of the command table: name, positional arguments, help line, option holder and action. */
public record CommandDef(String name, List<Arg> args, String summary, Supplier<? extends CommandArgs> options,
                         Action action) {
    public CommandDef {
        args = List.copyOf(args);
    }

    /** "transfer CID NUMBER": the positional part of the synopsis. */
    public String synopsis() {
        StringBuilder s = new StringBuilder(name);
        args.forEach(a -> s.append(' ').append(a.placeholder()));
        return s.toString();
    }

    /** The argument kind at a position, for completion (null beyond the last one). */
    public Arg argAt(int index) {
        return index >= 0 && index < args.size() ? args.get(index) : null;
    }
}
