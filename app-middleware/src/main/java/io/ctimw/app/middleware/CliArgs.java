package io.ctimw.app.middleware;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import java.nio.file.Path;

/** The command line of cti-middleware.jar, as JCommander objects. */
final class CliArgs {
    /** Options every command accepts. */
    static class Common {
        @Parameter(names = "--config", description = "HOCON config file (defaults: reference.conf, see README)")
        Path config;

        @Parameter(names = {"--help", "-h"}, help = true, description = "Show usage")
        boolean help;
    }

    @Parameters(commandDescription = "Run the middleware (the default command)")
    static final class Serve extends Common {
    }

    @Parameters(commandDescription = "Administer agent accounts: add, passwd, disable, enable, list")
    static final class Users extends Common {
    }

    /** Options of the user commands that name one login. */
    static class OneUser extends Common {
        @Parameter(names = "--login", required = true, description = "The agent's login (its NCC operator account)")
        String login;
    }

    @Parameters(commandDescription = "Add an agent; the password is read from stdin")
    static final class Add extends OneUser {
        @Parameter(names = "--password-stdin", description = "Read the password from the first line of stdin")
        boolean passwordStdin;
    }

    @Parameters(commandDescription = "Set an agent's password (read from stdin); ends its sessions")
    static final class Passwd extends OneUser {
        @Parameter(names = "--password-stdin", description = "Read the password from the first line of stdin")
        boolean passwordStdin;
    }

    @Parameters(commandDescription = "Disable an agent and end its sessions")
    static final class Disable extends OneUser {
    }

    @Parameters(commandDescription = "Enable a disabled agent")
    static final class Enable extends OneUser {
    }

    @Parameters(commandDescription = "List agents")
    static final class ListUsers extends Common {
    }

    final Common main = new Common();
    final Serve serve = new Serve();
    final Users users = new Users();
    final Add add = new Add();
    final Passwd passwd = new Passwd();
    final Disable disable = new Disable();
    final Enable enable = new Enable();
    final ListUsers list = new ListUsers();

    JCommander parser() {
        JCommander jc = JCommander.newBuilder().programName("java -jar cti-middleware.jar")
                .addObject(main).addCommand("serve", serve).addCommand("users", users).build();
        JCommander usersJc = jc.getCommands().get("users");
        usersJc.addCommand("add", add);
        usersJc.addCommand("passwd", passwd);
        usersJc.addCommand("disable", disable);
        usersJc.addCommand("enable", enable);
        usersJc.addCommand("list", list);
        return jc;
    }

    boolean help() {
        return main.help || serve.help || users.help || add.help || passwd.help || disable.help || enable.help
                || list.help;
    }

    /** The --config given at any level (the innermost wins). */
    Path configFile() {
        for (Common c : new Common[] {add, passwd, disable, enable, list, users, serve, main}) {
            if (c.config != null) {
                return c.config;
            }
        }
        return null;
    }
}
