package io.ctimw.app.agent.cli;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterDescription;
import java.util.Comparator;
import java.util.List;

/** Help text, rendered from the command table (synopsis, summary) and JCommander (option names). */
public final class UsageText {
    private static final String EXIT_CODES = """
            Exit codes: 0 ok, 1 unexpected error, 2 usage error, 3 middleware unreachable,
                        4 not logged in / session expired, 5 refused by the middleware or CTI, 6 server error.""";

    private UsageText() {
    }

    public static String main(boolean shell) {
        StringBuilder s = new StringBuilder();
        if (shell) {
            s.append("Commands (type NAME --help for details):\n");
        } else {
            s.append("""
                    Usage: cti-agent [-a URL] [--debug] COMMAND [ARGS] [--help]
                           cti-agent [-a URL]            (no command: the interactive shell)
                           cti-agent --version

                    Options:
                      -a, --address URL   middleware address (default: $CTI_AGENT_ADDRESS)
                      --debug             show stack traces on errors
                      -h, --help          show this help; COMMAND --help shows a command's help
                      -V, --version       print the version

                    Commands:
                    """);
        }
        List<CommandDef> defs = new java.util.ArrayList<>(CommandTable.all().stream()
                .filter(d -> !shell || !CliParser.NOT_IN_SHELL.contains(d.name())).toList());
        defs.add(defs.indexOf(CommandTable.find(CommandTable.SNAPSHOT.name()).orElseThrow()) + 1, CommandTable.SNAPSHOT);
        List<String> synopses = defs.stream().map(UsageText::fullSynopsis).toList();
        int width = synopses.stream().mapToInt(String::length).max().orElse(0) + 2;
        for (int i = 0; i < defs.size(); i++) {
            s.append("  ").append(pad(synopses.get(i), width)).append(defs.get(i).summary()).append('\n');
        }
        if (shell) {
            s.append("  ").append(pad("events", width)).append("show the last events of this shell again\n");
            s.append("  ").append(pad("clear", width)).append("clear the screen\n");
            s.append("  ").append(pad("help", width)).append("this list\n");
            s.append("  ").append(pad("quit, exit", width)).append("leave the shell (the session stays)\n");
        } else {
            s.append('\n').append(EXIT_CODES).append('\n');
        }
        return s.toString();
    }

    public static String command(CommandDef def, JCommander sub, boolean shell) {
        StringBuilder s = new StringBuilder("Usage: ");
        s.append(shell ? "" : "cti-agent [-a URL] ").append(synopsis(def, sub));
        List<ParameterDescription> options = sorted(sub);
        s.append("\n  ").append(def.summary()).append('\n');
        if (def.action() instanceof Action.Control c) {
            s.append("  (CTI command ").append(c.ctiName()).append(")\n");
        }
        s.append("Options:\n");
        for (ParameterDescription p : options) {
            s.append("  ").append(pad(p.getNames() + (takesValue(p) ? " VALUE" : ""), 24))
                    .append(p.getDescription()).append('\n');
        }
        return s.toString();
    }

    /** "state STATE [--reason VALUE]": positional placeholders from the table, options from JCommander. */
    private static String synopsis(CommandDef def, JCommander sub) {
        StringBuilder s = new StringBuilder(def.synopsis());
        for (ParameterDescription p : sorted(sub)) {
            if (!p.isHelp()) {
                s.append(" [").append(p.getLongestName()).append(takesValue(p) ? " VALUE" : "").append(']');
            }
        }
        return s.toString();
    }

    private static String fullSynopsis(CommandDef def) {
        JCommander jc = JCommander.newBuilder().addObject(def.options().get()).build();
        jc.parse(); // JCommander collects parameter descriptions lazily, on the first parse
        return synopsis(def, jc);
    }

    private static List<ParameterDescription> sorted(JCommander sub) {
        return sub.getParameters().stream().filter(p -> !p.getParameter().hidden())
                .sorted(Comparator.comparing(ParameterDescription::isHelp)
                        .thenComparing(ParameterDescription::getLongestName)).toList();
    }

    private static boolean takesValue(ParameterDescription p) {
        Class<?> type = p.getParameterized().getType();
        return type != boolean.class && type != Boolean.class;
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }
}
