package io.ctimw.app.agent.testing;

import io.ctimw.app.agent.Agent;
import io.ctimw.app.agent.follow.FollowSettings;
import io.ctimw.app.agent.follow.Sleeper;
import io.ctimw.app.agent.run.AgentContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs the whole agent in-process with captured stdout/stderr, a temp home and fast retries. */
public final class AgentRun {
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final Agent agent;

    public AgentRun(Path home, String stdin) {
        this(home, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    }

    /** With a live stdin (a pipe), for the shell: the test types only after it has seen output. */
    public AgentRun(Path home, InputStream stdin) {
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        AgentContext ctx = AgentContext.standard(stdin, out, err, Map.of(AgentContext.HOME_VARIABLE, home.toString()))
                .withZone(ZoneOffset.UTC)
                .withFollow(new FollowSettings(1, 100, Duration.ofMillis(20), Duration.ofMillis(100)), Sleeper.real())
                .withPasswords(login -> {
                    throw new AssertionError("tests never prompt for a password");
                });
        this.agent = new Agent(ctx);
    }

    public AgentRun(Path home) {
        this(home, "");
    }

    public int run(String... args) {
        return agent.run(args);
    }

    public Agent agent() {
        return agent;
    }

    public String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    public String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }
}
