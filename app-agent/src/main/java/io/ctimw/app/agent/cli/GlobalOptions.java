package io.ctimw.app.agent.cli;

import com.beust.jcommander.Parameter;

/** Options that come before the command name. */
public final class GlobalOptions {
    @Parameter(names = {"-a", "--address"}, description = "middleware address, e.g. http://host:8080 (default: $CTI_AGENT_ADDRESS)")
    private String address;

    @Parameter(names = "--debug", description = "show stack traces on errors")
    private boolean debug;

    @Parameter(names = {"-h", "--help"}, help = true, description = "show this help")
    private boolean help;

    @Parameter(names = {"-V", "--version"}, description = "print the version")
    private boolean version;

    public String address() {
        return address;
    }

    public boolean debug() {
        return debug;
    }

    public boolean help() {
        return help;
    }

    public boolean version() {
        return version;
    }
}
