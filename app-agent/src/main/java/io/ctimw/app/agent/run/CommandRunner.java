package io.ctimw.app.agent.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctimw.app.agent.cli.Action;
import io.ctimw.app.agent.cli.Arg;
import io.ctimw.app.agent.cli.ControlBody;
import io.ctimw.app.agent.cli.EventsArgs;
import io.ctimw.app.agent.cli.Invocation;
import io.ctimw.app.agent.cli.LoginArgs;
import io.ctimw.app.agent.cli.StateArgs;
import io.ctimw.app.agent.error.AgentException;
import io.ctimw.app.agent.error.ExitCode;
import io.ctimw.app.agent.error.Failures;
import io.ctimw.app.agent.follow.EventFollower;
import io.ctimw.app.agent.format.EventFormatter;
import io.ctimw.app.agent.format.ReplyFormatter;
import io.ctimw.app.agent.format.StateFormatter;
import io.ctimw.app.agent.http.LoginReply;
import io.ctimw.app.agent.http.MiddlewareClient;
import io.ctimw.app.agent.http.ProblemException;
import io.ctimw.app.agent.http.UnreachableException;
import io.ctimw.app.agent.session.Session;
import io.ctimw.app.agent.session.SessionFile;
import java.net.URI;
import java.util.Arrays;
import java.util.function.Consumer;

/** Runs one parsed command against the middleware and prints its outcome; shared by the CLI and the shell. */
public final class CommandRunner {
    private final AgentContext ctx;
    private final MiddlewareClient client;
    private final SessionFile sessions;
    private final Printer printer;
    private final EventFormatter formatter;
    private volatile EventFollower follower;
    private volatile boolean stopped;

    public CommandRunner(AgentContext ctx, MiddlewareClient client, SessionFile sessions, Printer printer) {
        this.ctx = ctx;
        this.client = client;
        this.sessions = sessions;
        this.printer = printer;
        this.formatter = new EventFormatter(ctx.zone());
    }

    public void run(Invocation invocation) {
        if (invocation.command().action() instanceof Action.Control) {
            JsonNode reply = withSession(s -> client.control(s.token(), ControlBody.of(invocation)));
            ReplyFormatter.lines(reply).forEach(printer::out);
            return;
        }
        switch (((Action.Local) invocation.command().action()).kind()) {
            case LOGIN -> login(invocation);
            case LOGOUT -> logout();
            case WHOAMI -> whoami();
            case EVENTS -> events((EventsArgs) invocation.options());
            case STATE -> state((StateArgs) invocation.options());
            case SHELL -> throw new IllegalStateException("the shell is started by Agent, not by CommandRunner");
        }
    }

    /** Logs in and stores the session; the shell calls this directly after prompting. */
    public Session login(String login, char[] password) {
        sessions.load(address()).ifPresent(this::quietLogout);
        LoginReply reply;
        try {
            reply = client.login(login, new String(password));
        } catch (ProblemException e) {
            if (e.status() == 401 || e.status() == 400) {
                throw new AgentException(ExitCode.REFUSED, "login refused by " + address() + ": " + e.detail());
            }
            throw e;
        } finally {
            Arrays.fill(password, '\0');
        }
        Session session = new Session(address().toString(), reply.login(), reply.token(), reply.expiresAt(),
                startCursor(reply.token()));
        sessions.save(session);
        printer.out("logged in as " + session.login() + " at " + address()
                + (session.expiresAt() == null ? "" : " (session expires " + session.expiresAt() + ")"));
        return session;
    }

    /** The session for this address, or the "run: cti-agent login" failure. */
    public Session requireSession() {
        return sessions.load(address()).orElseThrow(() -> Failures.notLoggedIn(address(), false));
    }

    /** The stored session, or whatever {@code fallback} yields (the shell's login prompt). */
    public Session requireSessionOr(java.util.function.Supplier<Session> fallback) {
        return sessions.load(address()).orElseGet(fallback);
    }

    /** Builds the follower for the stored session; events are printed through {@code sink}. */
    public EventFollower follower(Session session, Consumer<JsonNode> sink) {
        Session[] current = {session};
        return new EventFollower(client, session.token(), session.cursor(), sink, cursor -> {
            current[0] = current[0].withCursor(cursor);
            sessions.save(current[0]);
        }, printer::err, ctx.sleeper(), ctx.follow());
    }

    /** Ends a running {@code events --follow}. */
    public void stop() {
        stopped = true;
        EventFollower f = follower;
        if (f != null) {
            f.stop();
        }
    }

    public EventFormatter formatter() {
        return formatter;
    }

    private void login(Invocation invocation) {
        String login = invocation.value(Arg.LOGIN);
        char[] password = ((LoginArgs) invocation.options()).passwordStdin()
                ? PasswordSource.firstLine(ctx.in()) : ctx.passwords().prompt(login);
        login(login, password);
    }

    private void logout() {
        Session session = requireSession();
        try {
            client.logout(session.token());
        } catch (ProblemException e) {
            if (e.status() != 401) {
                throw e;
            }
            // already expired on the server: forgetting it locally is all that is left to do
        }
        sessions.delete(address());
        printer.out("logged out " + session.login() + " at " + address());
    }

    private void whoami() {
        JsonNode s = withSession(session -> client.session(session.token()));
        printer.out(s.path("login").asText() + " at " + address() + ": session since " + s.path("createdAt").asText("?")
                + ", expires " + s.path("expiresAt").asText("?") + ", cursor " + s.path("cursor").asText("?"));
    }

    private void state(StateArgs options) {
        JsonNode state = withSession(s -> client.state(s.token()));
        if (options.json()) {
            printer.out(state.toString());
        } else {
            StateFormatter.lines(state).forEach(printer::out);
        }
    }

    private void events(EventsArgs options) {
        Session session = requireSession();
        Consumer<JsonNode> sink = e -> printer.out(options.json() ? e.toString() : formatter.line(e));
        EventFollower f = follower(session, sink);
        follower = f;
        if (stopped) {
            f.stop(); // stop() came before the follower existed
        }
        try {
            withSession(s -> {
                if (options.follow()) {
                    f.follow();
                } else if (f.fetchOnce() == 0 && !options.json()) {
                    printer.err("no new events");
                }
                return null;
            });
        } finally {
            follower = null;
        }
    }

    /** Runs a call that needs the session; a 401 means the stored session is dead, so it is forgotten. */
    private <T> T withSession(java.util.function.Function<Session, T> call) {
        Session session = requireSession();
        try {
            return call.apply(session);
        } catch (ProblemException e) {
            if (e.status() == 401) {
                sessions.delete(address());
                throw Failures.notLoggedIn(address(), true);
            }
            throw e;
        }
    }

    /** Where a new session's event feed starts: the server's cursor for it, so `events` sends after=N. */
    private Long startCursor(String token) {
        try {
            JsonNode cursor = client.session(token).get("cursor");
            return cursor != null && cursor.canConvertToLong() ? cursor.asLong() : null;
        } catch (ProblemException | UnreachableException e) {
            return null; // the server resumes a session without `after` from its own cursor, so this is safe
        }
    }

    private void quietLogout(Session old) {
        try {
            client.logout(old.token());
        } catch (RuntimeException e) {
            // best effort: the old session expires on its own
        }
    }

    private URI address() {
        return client.address();
    }
}
