package io.ctimw.app.middleware;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import java.nio.file.Path;

/** The command line of cti-middleware.jar, as JCommander objects. */
final class CliArgs {
    private static final String PASSWORD_STDIN = "the password is the first line of stdin (the only way to give it)";
    private static final String ROLE = "agent (reads its events, controls its phone; gets the default grants) or admin"
            + " (uses the admin API; no agent grants)";

    /** Options every command accepts. */
    static class Common {
        @Parameter(names = "--config", description = "HOCON settings over the defaults (conf/middleware.conf lists all)")
        Path config;

        @Parameter(names = {"--help", "-h"}, help = true, description = "show this help")
        boolean help;
    }

    /** The options before any command. */
    static final class Main extends Common {
        @Parameter(names = {"--version", "-V"}, description = "print the version and the commit it was built from")
        boolean version;
    }

    @Parameters(commandDescription = "run the middleware (the default command)")
    static final class Serve extends Common {
    }

    @Parameters(commandDescription = "administer agent accounts straight in the database (the server may be running)")
    static final class Users extends Common {
    }

    /** Options of the user commands that name one login. */
    static class OneUser extends Common {
        @Parameter(names = "--login", required = true, description = "the agent's login (its NCC operator account)")
        String login;
    }

    @Parameters(commandDescription = "add a user; its password is the first line of stdin")
    static final class Add extends OneUser {
        // Required: stdin is the only way to give a password (never argv, where other users see it).
        @Parameter(names = "--password-stdin", required = true, description = PASSWORD_STDIN)
        boolean passwordStdin;
        @Parameter(names = "--role", description = ROLE)
        String role = "agent";
    }

    @Parameters(commandDescription = "make a user an agent or an administrator")
    static final class SetRole extends OneUser {
        @Parameter(names = "--role", required = true, description = ROLE)
        String role;
    }

    @Parameters(commandDescription = "set an agent's password (the first line of stdin); ends its sessions")
    static final class Passwd extends OneUser {
        // Required: stdin is the only way to give a password (never argv, where other users see it).
        @Parameter(names = "--password-stdin", required = true, description = PASSWORD_STDIN)
        boolean passwordStdin;
    }

    @Parameters(commandDescription = "disable an agent and end its sessions")
    static final class Disable extends OneUser {
    }

    @Parameters(commandDescription = "enable a disabled agent")
    static final class Enable extends OneUser {
    }

    @Parameters(commandDescription = "list the agents")
    static final class ListUsers extends Common {
    }

    final Main main = new Main();
    final Serve serve = new Serve();
    final Users users = new Users();
    final Add add = new Add();
    final Passwd passwd = new Passwd();
    final Disable disable = new Disable();
    final Enable enable = new Enable();
    final ListUsers list = new ListUsers();
    final SetRole setRole = new SetRole();

    JCommander parser() {
        JCommander jc = JCommander.newBuilder().programName(CliUsage.PROGRAM)
                .addObject(main).addCommand("serve", serve).addCommand("users", users).build();
        JCommander usersJc = jc.getCommands().get("users");
        usersJc.addCommand("add", add);
        usersJc.addCommand("passwd", passwd);
        usersJc.addCommand("disable", disable);
        usersJc.addCommand("enable", enable);
        usersJc.addCommand("list", list);
        usersJc.addCommand("set-role", setRole);
        CliUsage.describe(jc);
        return jc;
    }

    boolean help() {
        return main.help || serve.help || users.help || add.help || passwd.help || disable.help || enable.help
                || list.help || setRole.help;
    }

    /** The --config given at any level (the innermost wins). */
    Path configFile() {
        for (Common c : new Common[] {add, passwd, disable, enable, list, setRole, users, serve, main}) {
            if (c.config != null) {
                return c.config;
            }
        }
        return null;
    }
}
