package io.ctimw.app.agent.run;

import io.ctimw.app.agent.follow.FollowSettings;
import io.ctimw.app.agent.follow.Sleeper;
import io.ctimw.app.agent.http.MiddlewareClient;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

/**
 * Everything the agent takes from its surroundings. Nothing reads System.* or the clock zone directly,
 * so unit tests and the lead's end-to-end tests can run the whole agent in-process.
 */
public record AgentContext(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Path home,
                           HttpClient http, ZoneId zone, Sleeper sleeper, FollowSettings follow,
                           PasswordSource passwords, TerminalSource terminals) {
    public static final String HOME_VARIABLE = "CTI_AGENT_HOME";
    public static final String ADDRESS_VARIABLE = "CTI_AGENT_ADDRESS";

    public AgentContext {
        env = Map.copyOf(env);
    }

    /** Production wiring; the real terminal only when the streams are the process's own. */
    public static AgentContext standard(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        String home = env.get(HOME_VARIABLE);
        Path homeDir = home != null && !home.isBlank() ? Path.of(home)
                : Path.of(System.getProperty("user.home"), ".cti-agent");
        boolean own = in == System.in && out == System.out;
        return new AgentContext(in, out, err, env, homeDir, MiddlewareClient.defaultHttpClient(), ZoneId.systemDefault(),
                Sleeper.real(), FollowSettings.standard(), PasswordSource.systemConsole(),
                own ? TerminalSource.system() : TerminalSource.streams(in, out));
    }

    public AgentContext withFollow(FollowSettings settings, Sleeper newSleeper) {
        return new AgentContext(in, out, err, env, home, http, zone, newSleeper, settings, passwords, terminals);
    }

    public AgentContext withZone(ZoneId newZone) {
        return new AgentContext(in, out, err, env, home, http, newZone, sleeper, follow, passwords, terminals);
    }

    public AgentContext withPasswords(PasswordSource source) {
        return new AgentContext(in, out, err, env, home, http, zone, sleeper, follow, source, terminals);
    }
}
