package io.ctimw.app.agent.cli;

import java.util.List;

/** A parsed, arity-checked command: which row of the table, its positional values and its options. */
public record Invocation(CommandDef command, List<String> values, CommandArgs options) {
    public Invocation {
        values = List.copyOf(values);
    }

    public String value(Arg kind) {
        int i = command.args().indexOf(kind);
        return i < 0 ? null : values.get(i);
    }
}
