package io.ctimw.app.middleware;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterException;
import com.typesafe.config.ConfigException;
import io.ctimw.adapters.postgres.PostgresStartupException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    private static boolean isUsersWithoutAction(JCommander jc) {
        return "users".equals(jc.getParsedCommand()) && jc.getCommands().get("users").getParsedCommand() == null;
    }

    /** The program and the commands among {@code args}, for "Run 'cti-middleware users add --help'". */
    private static List<String> helpPath(JCommander jc, String[] args) {
        List<String> path = new ArrayList<>(List.of(CliUsage.PROGRAM));
        JCommander level = jc;
        for (String a : args) {
            if (level.getCommands().containsKey(a)) {
                level = level.getCommands().get(a);
                path.add(a);
            }
        }
        return path;
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
            Optional<String> wrong = CliUsage.check(jc, args);
            if (wrong.isPresent()) {
                throw new ParameterException(wrong.get());
            }
            jc.parse(args);
        } catch (ParameterException e) {
            err.println(CliUsage.PROGRAM + ": " + e.getMessage());
            err.println("Run '" + String.join(" ", helpPath(jc, args)) + " --help' for usage.");
            return USAGE;
        }
        if (cli.main.version) {
            out.println(BuildInfo.current());
            return OK;
        }
        if (cli.help() || isUsersWithoutAction(jc)) {
            JCommander users = jc.getCommands().get("users");
            String action = users.getParsedCommand();
            String text = !"users".equals(jc.getParsedCommand()) ? CliUsage.overview()
                    : action == null ? CliUsage.help(users, List.of("users"))
                    : CliUsage.help(users.getCommands().get(action), List.of("users", action));
            (cli.help() ? out : err).print(text);
            return cli.help() ? OK : USAGE;
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
