package io.ctimw.app.agent.cli;

import com.beust.jcommander.Parameter;
import java.util.ArrayList;
import java.util.List;

/** JCommander holder for a subcommand: its positional words and --help. Subclasses add options. */
public class CommandArgs {
    @Parameter(names = {"-h", "--help"}, help = true, description = "show this command's help")
    private boolean help;

    // Arity is checked against the command table, not here, so every command reports it the same way.
    @Parameter(description = "arguments")
    private List<String> positional = new ArrayList<>();

    public boolean help() {
        return help;
    }

    public List<String> positional() {
        return List.copyOf(positional);
    }
}
