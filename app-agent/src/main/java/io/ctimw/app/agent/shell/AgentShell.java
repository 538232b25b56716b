package io.ctimw.app.agent.shell;

import io.ctimw.app.agent.cli.Action;
import io.ctimw.app.agent.cli.CliParser;
import io.ctimw.app.agent.cli.Invocation;
import io.ctimw.app.agent.error.ExitCode;
import io.ctimw.app.agent.error.Failures;
import io.ctimw.app.agent.follow.EventFollower;
import io.ctimw.app.agent.run.CommandRunner;
import io.ctimw.app.agent.run.Printer;
import io.ctimw.app.agent.session.Session;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The interactive mode: a background follower prints the live feed above the prompt while the
 * operator types commands; history lives in the agent home, completion comes from the command table.
 */
public final class AgentShell {
    private final Terminal terminal;
    private final Path historyFile;
    private final URI address;
    private final Function<Printer, CommandRunner> runners;
    private final KnownCalls calls = new KnownCalls();
    private final RecentEvents recent = new RecentEvents();
    private final LocalCommands local;
    private volatile boolean stopped;
    private volatile EventFollower follower;
    private volatile ExitCode ending;

    public AgentShell(Terminal terminal, Path historyFile, URI address, Function<Printer, CommandRunner> runners) {
        this.terminal = terminal;
        this.historyFile = historyFile;
        this.address = address;
        this.runners = runners;
        this.local = new LocalCommands(terminal, recent);
    }

    /** Runs until quit, end of input, Ctrl-C on an empty line, logout, or a dead session. */
    public ExitCode run() {
        LineReader reader = reader(terminal, calls, historyFile);
        Printer printer = new ReaderPrinter(reader);
        CommandRunner runner = runners.apply(printer);
        Session session = runner.requireSessionOr(() -> ShellLogin.prompt(reader, runner, printer));
        printer.out("connected to " + address + " as " + session.login() + "; type help, Tab completes, quit leaves");
        Thread feed = startFeed(runner, session, printer);
        try {
            while (!stopped && ending == null) {
                String line;
                try {
                    line = reader.readLine(session.login() + "> ");
                } catch (UserInterruptException e) {
                    if (e.getPartialLine() == null || e.getPartialLine().isBlank()) {
                        break;
                    }
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                if (!execute(reader.getParsedLine().words(), runner, printer)) {
                    break;
                }
            }
        } finally {
            stop();
            joinQuietly(feed);
        }
        return ending == null ? ExitCode.OK : ending;
    }

    /**
     * Tab lists the candidates and completes what is unambiguous; it never enters JLine's menu
     * selection, whose pending selection took the next typed word as a choice from the menu.
     */
    static LineReader reader(Terminal terminal, KnownCalls calls, Path historyFile) {
        return LineReaderBuilder.builder().terminal(terminal).appName("cti-agent")
                .completer(new ShellCompleter(calls))
                .variable(LineReader.HISTORY_FILE, historyFile)
                .option(LineReader.Option.AUTO_MENU, false)
                .option(LineReader.Option.MENU_COMPLETE, false)
                .option(LineReader.Option.AUTO_LIST, true)
                .build();
    }

    /** Stops the shell and its feed; safe from any thread. */
    public void stop() {
        stopped = true;
        EventFollower f = follower;
        if (f != null) {
            f.stop();
        }
    }

    /** Runs one line; false ends the shell. */
    private boolean execute(List<String> words, CommandRunner runner, Printer printer) {
        List<String> typed = words.stream().filter(w -> !w.isBlank()).toList();
        if (typed.isEmpty()) {
            return true;
        }
        String word = typed.get(0);
        if (word.equals("quit") || word.equals("exit")) {
            return false;
        }
        return local.run(word, printer) || runCommand(typed, runner, printer);
    }

    private boolean runCommand(List<String> typed, CommandRunner runner, Printer printer) {
        try {
            CliParser.Parsed parsed = CliParser.parseShellLine(typed);
            if (parsed.text() != null) {
                parsed.text().lines().forEach(printer::out);
                return true;
            }
            Invocation invocation = parsed.invocation();
            boolean logout = invocation.command().action() instanceof Action.Local l && l.kind() == Action.Kind.LOGOUT;
            if (logout) {
                stop(); // the feed would see the ended session as a 401 and report it as an expiry
            }
            runner.run(invocation);
            return !logout;
        } catch (RuntimeException e) {
            Failures.Report report = Failures.describe(e, address);
            printer.err(report.message());
            if (report.usage() != null) {
                report.usage().lines().forEach(printer::err);
            }
            if (report.code() == ExitCode.NOT_LOGGED_IN) {
                ending = ExitCode.NOT_LOGGED_IN;
                return false;
            }
            return true;
        }
    }

    private Thread startFeed(CommandRunner runner, Session session, Printer printer) {
        EventFollower f = runner.follower(session, event -> {
            calls.observe(event);
            String line = runner.formatter().line(event);
            recent.add(line);
            printer.out(line);
        });
        follower = f;
        Thread t = new Thread(() -> {
            try {
                f.follow();
            } catch (RuntimeException e) {
                if (stopped) {
                    return; // the shell is ending (quit, logout): whatever the feed hit no longer matters
                }
                Failures.Report report = Failures.describe(e, address);
                printer.err(report.message() + (report.code() == ExitCode.NOT_LOGGED_IN ? "" : "; live feed stopped"));
                if (report.code() == ExitCode.NOT_LOGGED_IN) {
                    ending = ExitCode.NOT_LOGGED_IN;
                }
            }
        }, "cti-agent-feed");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
