package io.ctimw.app.agent;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ctimw.app.agent.cli.Action;
import io.ctimw.app.agent.cli.CliParser;
import io.ctimw.app.agent.cli.Version;
import io.ctimw.app.agent.error.ExitCode;
import io.ctimw.app.agent.error.Failures;
import io.ctimw.app.agent.error.UsageException;
import io.ctimw.app.agent.http.MiddlewareClient;
import io.ctimw.app.agent.run.AgentContext;
import io.ctimw.app.agent.run.CommandRunner;
import io.ctimw.app.agent.run.Printer;
import io.ctimw.app.agent.session.Addresses;
import io.ctimw.app.agent.session.SessionFile;
import io.ctimw.app.agent.shell.AgentShell;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.jline.terminal.Terminal;

/**
 * One run of the agent: parse, resolve the address, run the command or the shell, map failures to
 * exit codes. Built by hand from an {@link AgentContext}; {@link #stop()} ends a follow or a shell.
 */
public final class Agent {
    private final AgentContext ctx;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private volatile CommandRunner runner;
    private volatile AgentShell shell;
    private volatile boolean stopped;

    public Agent(AgentContext ctx) {
        this.ctx = ctx;
    }

    public int run(String... args) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        URI address = null;
        try {
            CliParser.Parsed parsed = CliParser.parseCommandLine(args);
            if (parsed.text() != null) {
                ctx.out().println(parsed.text().stripTrailing());
                return ExitCode.OK.code();
            }
            address = resolveAddress(parsed.global().address());
            MiddlewareClient client = new MiddlewareClient(address, ctx.http(), json, "cti-agent/" + Version.current());
            SessionFile sessions = new SessionFile(ctx.home(), json);
            if (parsed.invocation() == null || isShell(parsed)) {
                return runShell(address, client, sessions).code();
            }
            CommandRunner r = new CommandRunner(ctx, client, sessions, Printer.of(ctx.out(), ctx.err()));
            runner = r;
            if (stopped) {
                return ExitCode.OK.code();
            }
            r.run(parsed.invocation());
            return ExitCode.OK.code();
        } catch (Throwable t) {
            return report(t, address, debug).code();
        } finally {
            runner = null;
            shell = null;
        }
    }

    /** Ends a running {@code events --follow} or shell from another thread (tests, embedding). */
    public void stop() {
        stopped = true;
        CommandRunner r = runner;
        if (r != null) {
            r.stop();
        }
        AgentShell s = shell;
        if (s != null) {
            s.stop();
        }
    }

    private ExitCode runShell(URI address, MiddlewareClient client, SessionFile sessions) throws IOException {
        Path history = ctx.home().resolve("history");
        SessionFile.ensurePrivateFile(history);
        try (Terminal terminal = ctx.terminals().open()) {
            AgentShell s = new AgentShell(terminal, history, address,
                    printer -> new CommandRunner(ctx, client, sessions, printer));
            shell = s;
            if (stopped) {
                return ExitCode.OK;
            }
            return s.run();
        }
    }

    private URI resolveAddress(String option) {
        String text = option != null ? option : ctx.env().get(AgentContext.ADDRESS_VARIABLE);
        if (text == null || text.isBlank()) {
            throw new UsageException("no middleware address: use -a http://host:port or set "
                    + AgentContext.ADDRESS_VARIABLE, "Usage: cti-agent -a URL COMMAND ... (cti-agent --help lists commands)");
        }
        return Addresses.parse(text).orElseThrow(() -> new UsageException(
                "not a middleware address: '" + text + "' (expected http://host:port)",
                "Usage: cti-agent -a URL COMMAND ... (cti-agent --help lists commands)"));
    }

    private ExitCode report(Throwable t, URI address, boolean debug) {
        Failures.Report report = Failures.describe(t, address);
        if (report.message() == null) {
            return report.code();
        }
        ctx.err().println("cti-agent: " + report.message());
        if (report.usage() != null) {
            ctx.err().println();
            ctx.err().println(report.usage().stripTrailing());
        }
        if (debug) {
            t.printStackTrace(ctx.err());
        }
        ctx.err().flush();
        return report.code();
    }

    private static boolean isShell(CliParser.Parsed parsed) {
        return parsed.invocation().command().action() instanceof Action.Local l && l.kind() == Action.Kind.SHELL;
    }
}
