package io.ctimw.app.agent.error;

import io.ctimw.app.agent.http.ProblemException;
import io.ctimw.app.agent.http.UnreachableException;
import java.net.URI;

/** Maps anything thrown while running a command to the documented exit code and one line for stderr. */
public final class Failures {
    private Failures() {
    }

    /** The exit code, the line to print, and usage text to follow it (usage errors only). */
    public record Report(ExitCode code, String message, String usage) {
    }

    public static Report describe(Throwable t, URI address) {
        if (t instanceof UsageException u) {
            return new Report(ExitCode.USAGE, u.getMessage(), u.usage());
        }
        if (t instanceof AgentException a) {
            return new Report(a.exitCode(), a.getMessage(), null);
        }
        if (t instanceof OutputClosedException) {
            return new Report(ExitCode.OK, null, null); // the reader stopped reading: nothing to say, nowhere to say it
        }
        if (t instanceof UnreachableException u) {
            return new Report(ExitCode.UNREACHABLE, u.getMessage(), null);
        }
        if (t instanceof ProblemException p) {
            return problem(p, address);
        }
        return new Report(ExitCode.UNEXPECTED, "unexpected error: " + t, null);
    }

    /** The line for "no usable session", shared by every place that finds the session missing or dead. */
    public static AgentException notLoggedIn(URI address, boolean expired) {
        return new AgentException(ExitCode.NOT_LOGGED_IN, (expired ? "session expired or ended at " : "not logged in at ")
                + address + "; run: cti-agent login LOGIN");
    }

    private static Report problem(ProblemException p, URI address) {
        if (p.status() == 401) {
            return new Report(ExitCode.NOT_LOGGED_IN, notLoggedIn(address, true).getMessage(), null);
        }
        String cti = p.ctiDescription().filter(d -> !p.detail().contains(d)).map(d -> " (CTI: " + d + ")").orElse("");
        if (p.status() < 500) {
            return new Report(ExitCode.REFUSED, "refused: " + p.detail() + cti, null);
        }
        String retry = p.retryAfter().map(s -> "; retry after " + s + " s").orElse("");
        return new Report(ExitCode.SERVER_ERROR,
                "middleware error " + p.status() + " " + p.title() + ": " + p.detail() + cti + retry, null);
    }
}
