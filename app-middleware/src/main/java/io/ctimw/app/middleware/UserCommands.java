package io.ctimw.app.middleware;

import io.ctimw.core.CoreServices;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.Password;
import io.ctimw.core.model.Role;
import io.ctimw.core.model.User;
import io.ctimw.core.port.in.UserAdministrationUseCase;
import io.ctimw.core.port.out.DuplicateUserException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@code users add|passwd|disable|enable|list}: account administration straight against the database. */
final class UserCommands {
    private final CliArgs cli;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    UserCommands(CliArgs cli, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        this.cli = cli;
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = env;
    }

    int run(String action) {
        if (action == null) {
            err.println("cti-middleware: users needs an action: add, passwd, disable, enable, set-role or list");
            return MiddlewareMain.USAGE;
        }
        MiddlewareSettings settings = SettingsLoader.load(cli.configFile(), env);
        Login login = null;
        Password password = null;
        Role role = null;
        try {
            String loginText = switch (action) {
                case "add" -> cli.add.login;
                case "passwd" -> cli.passwd.login;
                case "disable" -> cli.disable.login;
                case "enable" -> cli.enable.login;
                case "set-role" -> cli.setRole.login;
                default -> null;
            };
            String roleText = action.equals("add") ? cli.add.role : action.equals("set-role") ? cli.setRole.role : null;
            if (roleText != null) {
                role = Role.parse(roleText);
            }
            if (loginText != null) {
                login = new Login(loginText);
            }
            if (action.equals("add") || action.equals("passwd")) {
                boolean stdin = action.equals("add") ? cli.add.passwordStdin : cli.passwd.passwordStdin;
                if (!stdin) {
                    err.println("cti-middleware: give the password on stdin with --password-stdin"
                            + " (never on the command line, where other users can see it)");
                    return MiddlewareMain.USAGE;
                }
                password = new Password(readLine()).requireStrongEnough();
            }
        } catch (IllegalArgumentException e) {
            err.println("cti-middleware: " + e.getMessage());
            return MiddlewareMain.USAGE;
        }
        try (DatabaseLauncher db = DatabaseLauncher.open(settings.db())) {
            CoreServices core = CoreAssembly.forCommand(settings, db.database().jdbi()); // never started: no CTI link
            try {
                return execute(core.userAdministration(), action, new Target(login, password, role));
            } finally {
                CoreAssembly.closeQuietly(core);
            }
        }
    }

    /** What the command names: the login, and the password or role it gives. */
    private record Target(Login login, Password password, Role role) {}

    private int execute(UserAdministrationUseCase admin, String action, Target t) {
        Login login = t.login();
        switch (action) {
            case "add" -> {
                try {
                    User added = admin.add(login, t.password(), t.role());
                    out.println("added " + login + " (" + added.role() + ", grants " + added.grants() + ")");
                } catch (DuplicateUserException e) {
                    err.println("cti-middleware: " + e.getMessage());
                    return MiddlewareMain.FAILED;
                }
            }
            case "passwd" -> {
                return report(admin.changePassword(login, t.password()), "password changed for " + login, login);
            }
            case "disable" -> {
                return report(admin.disable(login), "disabled " + login + " (its sessions end)", login);
            }
            case "enable" -> {
                return report(admin.enable(login), "enabled " + login, login);
            }
            case "set-role" -> {
                return report(admin.setRole(login, t.role()), login + " is now " + t.role(), login);
            }
            case "list" -> {
                for (User u : admin.list()) {
                    out.printf("%-32s %-6s %-8s created %s grants %s%n", u.login(), u.role(),
                            u.enabled() ? "enabled" : "DISABLED", u.createdAt(), u.grants());
                }
            }
            default -> {
                err.println("cti-middleware: unknown users action " + action);
                return MiddlewareMain.USAGE;
            }
        }
        return MiddlewareMain.OK;
    }

    private int report(boolean done, String message, Login login) {
        if (!done) {
            err.println("cti-middleware: no such user: " + login);
            return MiddlewareMain.FAILED;
        }
        out.println(message);
        return MiddlewareMain.OK;
    }

    private String readLine() {
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new IllegalArgumentException("no password on stdin");
            }
            return line;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the password from stdin: " + e.getMessage());
        }
    }
}
