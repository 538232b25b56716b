package io.ctimw.app.agent;

import io.ctimw.app.agent.run.AgentContext;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/** The cti-agent entry point: the only place that touches System.in/out/err, the environment and exit. */
public final class AgentMain {
    private AgentMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, System.getenv()));
    }

    /** Runs the agent with explicit streams and environment; returns the exit code (see AGENT.md). */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        return new Agent(AgentContext.standard(in, out, err, env)).run(args);
    }
}
