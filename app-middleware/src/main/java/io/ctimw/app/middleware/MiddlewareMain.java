package io.ctimw.app.middleware;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterException;
import com.typesafe.config.ConfigException;
import io.ctimw.adapters.postgres.PostgresStartupException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * Entry point of cti-middleware.jar: {@code [serve] --config FILE} runs the service,
 * {@code users add|passwd|disable|enable|list} administers agent accounts. Failures at start are
 * one line on stderr and a non-zero exit, never a stack trace.
 */
public final class MiddlewareMain {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private MiddlewareMain() {
    }

    public static void main(String[] args) {
        int code = run(args, System.in, System.out, System.err, System.getenv());
        if (code != OK || !isServe(args)) {
            System.exit(code);
        }
    }

    private static boolean isServe(String[] args) {
        return args.length == 0 || !"users".equals(firstCommand(args));
    }

    private static String firstCommand(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a;
            }
        }
        return "serve";
    }

    /** Runs one invocation; for {@code serve} it returns once the service is up (it keeps running). */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        CliArgs cli = new CliArgs();
        JCommander jc = cli.parser();
        try {
            jc.parse(args);
        } catch (ParameterException e) {
            err.println("cti-middleware: " + e.getMessage());
            err.println("Run with --help for usage.");
            return USAGE;
        }
        if (cli.help()) {
            StringBuilder usage = new StringBuilder();
            jc.getUsageFormatter().usage(usage);
            out.print(usage);
            return OK;
        }
        try {
            String command = jc.getParsedCommand();
            if ("users".equals(command)) {
                return new UserCommands(cli, in, out, err, env).run(jc.getCommands().get("users").getParsedCommand());
            }
            MiddlewareApp app = MiddlewareApp.start(SettingsLoader.load(cli.configFile(), env));
            Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
            return OK;
        } catch (ConfigException e) {
            err.println("cti-middleware: bad configuration: " + e.getMessage());
            return FAILED;
        } catch (PostgresStartupException | StartupException e) {
            err.println("cti-middleware: " + e.getMessage());
            return FAILED;
        }
    }
}
