package io.ctimw.app.agent.cli;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterException;
import io.ctimw.app.agent.error.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds the JCommander tree from the command table and turns words into an {@link Invocation}.
 * The same parser serves the command line (with global options) and the shell (without them).
 */
public final class CliParser {
    /** Commands that make no sense inside the shell, which already has a session and a live feed. */
    public static final Set<String> NOT_IN_SHELL = Set.of("login", "shell", "events");
    private static final Set<String> ADDRESS = Set.of("-a", "--address");

    private CliParser() {
    }

    /** What the command line asks for: text to print (help, version), a command, or nothing (the shell). */
    public record Parsed(GlobalOptions global, Invocation invocation, String text) {
    }

    public static Parsed parseCommandLine(String... args) {
        GlobalOptions global = new GlobalOptions();
        JCommander jc = build(global, false);
        try {
            jc.parse(globalsFirst(args));
        } catch (ParameterException e) {
            throw new UsageException(e.getMessage(), usageFor(jc, jc.getParsedCommand(), false));
        }
        if (global.help()) {
            return new Parsed(global, null, UsageText.main(false));
        }
        if (global.version()) {
            return new Parsed(global, null, "cti-agent " + Version.current());
        }
        String name = jc.getParsedCommand();
        if (name == null) {
            return new Parsed(global, null, null);
        }
        return toParsed(global, jc, name, false);
    }

    /**
     * Global options typed after the command ({@code login agent1 -a URL}) are moved before it, where
     * they mean the same; -h and -V stay put (after a command they mean that command's help).
     */
    static String[] globalsFirst(String[] args) {
        List<String> globals = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (ADDRESS.contains(a) && i + 1 < args.length) {
                globals.add(a);
                globals.add(args[++i]);
            } else if (a.startsWith("--address=") || a.equals("--debug")) {
                globals.add(a);
            } else {
                rest.add(a);
            }
        }
        globals.addAll(rest);
        return globals.toArray(String[]::new);
    }

    /** Parses one shell line (already split into words); the result has no global options. */
    public static Parsed parseShellLine(List<String> words) {
        if (words.isEmpty()) {
            return new Parsed(null, null, null);
        }
        JCommander jc = build(null, true);
        try {
            jc.parse(words.toArray(String[]::new));
        } catch (ParameterException e) {
            throw new UsageException(e.getMessage(), usageFor(jc, jc.getParsedCommand(), true));
        }
        return toParsed(null, jc, jc.getParsedCommand(), true);
    }

    private static Parsed toParsed(GlobalOptions global, JCommander jc, String name, boolean shell) {
        CommandDef def = CommandTable.find(name).orElseThrow();
        JCommander sub = jc.getCommands().get(name);
        CommandArgs options = (CommandArgs) sub.getObjects().get(0);
        if (options.help()) {
            return new Parsed(global, null, UsageText.command(def, sub, shell));
        }
        List<String> values = options.positional();
        boolean snapshot = def.name().equals(CommandTable.SNAPSHOT.name()) && ((StateArgs) options).reason() == null;
        if (values.isEmpty() && snapshot) { // "state" alone reads the state; "state STATE" changes it
            return new Parsed(global, new Invocation(CommandTable.SNAPSHOT, values, options), null);
        }
        if (values.size() < def.args().size()) {
            String missing = def.args().get(values.size()).placeholder();
            throw new UsageException(name + ": missing " + missing, UsageText.command(def, sub, shell));
        }
        if (values.size() > def.args().size()) {
            throw new UsageException(name + ": unexpected argument '" + values.get(def.args().size()) + "'",
                    UsageText.command(def, sub, shell));
        }
        return new Parsed(global, new Invocation(def, values, options), null);
    }

    private static JCommander build(GlobalOptions global, boolean shell) {
        JCommander.Builder b = JCommander.newBuilder()
                .programName("cti-agent")
                // '@file' expansion would turn a SIP URI or a display name starting with @ into a file read.
                .expandAtSign(false);
        if (global != null) {
            b.addObject(global);
        }
        JCommander jc = b.build();
        for (CommandDef def : CommandTable.all()) {
            if (!shell || !NOT_IN_SHELL.contains(def.name())) {
                jc.addCommand(def.name(), def.options().get());
            }
        }
        return jc;
    }

    private static String usageFor(JCommander jc, String name, boolean shell) {
        if (name == null) {
            // In the shell the full list is one `help` away; repeating it after every typo buries the feed.
            return shell ? "type help for the list of commands" : UsageText.main(false);
        }
        return UsageText.command(CommandTable.find(name).orElseThrow(), jc.getCommands().get(name), shell);
    }
}
