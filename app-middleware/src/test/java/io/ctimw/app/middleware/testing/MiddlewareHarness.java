package io.ctimw.app.middleware.testing;

import com.typesafe.config.ConfigFactory;
import io.ctimw.adapters.postgres.testing.TestDatabase;
import io.ctimw.app.middleware.MiddlewareApp;
import io.ctimw.app.middleware.MiddlewareSettings;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.Password;
import io.ctimw.core.model.Role;
import io.ctimw.simulator.CtiSimulator;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole middleware as it runs in production (real PostgreSQL, real WebSocket to the CTI
 * simulator, real HTTP on a random loopback port), with short timeouts for tests.
 */
public final class MiddlewareHarness implements AutoCloseable {
    public static final String PASSWORD = "agent-password";

    private final MiddlewareApp app;

    public MiddlewareHarness(MiddlewareApp app) {
        this.app = app;
    }

    public static MiddlewareSettings settings(TestDatabase db, String ctiUrl, Map<String, Object> extra) {
        return settings(db.jdbcUrl(), db.user(), db.password(), ctiUrl, extra);
    }

    public static MiddlewareSettings settings(String jdbcUrl, String user, String password, String ctiUrl,
                                       Map<String, Object> extra) {
        Map<String, Object> values = new HashMap<>();
        values.put("http.port", 0);
        values.put("db.url", jdbcUrl);
        values.put("db.user", user);
        values.put("db.password", password);
        values.put("db.pool-size", 4);
        values.put("cti.url", ctiUrl);
        values.put("cti.reply-timeout", "2s");
        values.put("cti.reconnect-min", "50ms");
        values.put("cti.reconnect-max", "300ms");
        values.put("security.bcrypt-cost", 4);
        values.put("events.reader-threads", 2);
        if (!jdbcUrl.isEmpty()) { // the embedded database keeps its intake log next to its folder (give it its own parent)
            values.put("events.intake.dir", intakeDirFor(jdbcUrl));
        }
        values.putAll(extra);
        return MiddlewareSettings.from(ConfigFactory.parseMap(values).withFallback(ConfigFactory.defaultReference()).resolve());
    }

    /** One intake log folder per test database (an intake log belongs to one database). */
    public static String intakeDirFor(String jdbcUrl) {
        return java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
                "ctimw-intake-" + Integer.toHexString(jdbcUrl.hashCode())).toString();
    }

    public static MiddlewareHarness start(TestDatabase db, CtiSimulator cti, Map<String, Object> extra) {
        return new MiddlewareHarness(MiddlewareApp.start(settings(db, cti.url(), extra)));
    }

    public static MiddlewareHarness start(TestDatabase db, CtiSimulator cti) {
        return start(db, cti, Map.of());
    }

    /** Adds agents straight through the core (the admin CLI has its own test). */
    public MiddlewareHarness withAgents(String... logins) {
        for (String login : logins) {
            app.core().userAdministration().add(new Login(login), new Password(PASSWORD), Role.AGENT);
        }
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + app.httpPort();
    }

    public AgentHttp agent() {
        return new AgentHttp(baseUrl());
    }

    public MiddlewareApp app() {
        return app;
    }

    @Override
    public void close() {
        app.close();
    }
}
