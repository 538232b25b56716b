package io.ctimw.app.middleware;

import com.typesafe.config.Config;
import io.ctimw.core.model.Grants;
import com.typesafe.config.ConfigException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/** The middleware's configuration, read once from HOCON into plain values and checked. */
public record MiddlewareSettings(Http http, Db db, Cti cti, Sessions sessions, int bcryptCost, Events events,
                                 Duration housekeepingInterval, Users users, Metrics metrics, Audit audit,
                                 LoginThrottle loginThrottle, RequestLog requestLog, Control control) {

    /** Agent-facing HTTP. */
    public record Http(String host, int port, long maxBodyBytes, boolean cookieSecure, int retryAfterSeconds,
                       int maxThreads, int defaultEventLimit, HttpLimits limits) {}

    /** What slow bodies and one client address may take of the HTTP server (see reference.conf). */
    public record HttpLimits(Duration bodyTimeout, long minBodyRate, int maxPendingBodies,
                             int maxPendingBodiesPerAddress, int maxRequestsPerAddress, int maxLoginsPerAddress) {}

    /** PostgreSQL: {@code url} empty means the embedded server in {@code embeddedDir}. */
    public record Db(String url, String user, String password, int poolSize, Path embeddedDir, int embeddedPort,
                     boolean embeddedFsync) {
        public boolean embedded() {
            return url.isBlank();
        }
    }

    /** The CTI link. */
    public record Cti(URI url, String subprotocol, String protocolVersion, Duration connectTimeout,
                      Duration replyTimeout, Duration pingInterval, Duration reconnectMin, Duration reconnectMax,
                      Set<String> allowedStates) {}

    /** Session lifetimes. */
    public record Sessions(Duration idleTimeout, Duration absoluteTimeout, Duration touchInterval,
                           int maxConcurrentLogins) {}

    /** User accounts. */
    public record Users(Grants defaultGrants) {}

    /**
     * {@code GET /metrics}: off, on the API's own listener ({@code separate} false), or on its own
     * listener at {@code host:port} (port 0: a free one).
     */
    public record Metrics(boolean enabled, boolean separate, String host, int port) {}

    /** The audit trail kept in the database. */
    public record Audit(Duration retention) {}

    /** Failed logins that lock a login or an address (see reference.conf). */
    public record LoginThrottle(int maxFailures, int maxFailuresPerAddress, Duration window, int maxTracked) {}

    /** The request log and the counters of the daily statistics. */
    public record RequestLog(boolean enabled, Duration retention, Duration statsRetention, int queueCapacity,
                             int batchSize) {}

    /** The command ledger: how long an idempotency key holds, and how long commands are kept. */
    public record Control(Duration idempotencyWindow, Duration ledgerRetention) {}

    /** Event storage and delivery. */
    public record Events(Duration retention, int bufferCapacity, int batchSize, int readerThreads, Intake intake,
                         Stream stream) {}

    /** {@code GET /api/v1/events/stream}: heartbeat, buffer per stream, caps. */
    public record Stream(Duration heartbeat, int maxPending, int maxOpen, int maxPerLogin) {}

    /** The crash-safe record of received events: off, or in {@code dir}. */
    public record Intake(boolean enabled, Path dir) {}

    private static Grants grants(Config c, String path) {
        try {
            return Grants.parse(c.getStringList(path));
        } catch (IllegalArgumentException e) {
            throw new ConfigException.BadValue(path, e.getMessage());
        }
    }

    /** Reads and checks every setting; a bad one throws {@link ConfigException} naming its path. */
    public static MiddlewareSettings from(Config c) {
        MiddlewareSettings s = new MiddlewareSettings(
                new Http(c.getString("http.host"), port(c, "http.port"), positive(c, "http.max-body-bytes"),
                        c.getBoolean("http.cookie-secure"), (int) positive(c, "http.retry-after-seconds"),
                        (int) positive(c, "http.max-threads"), range(c, "http.default-event-limit", 1, 1000),
                        httpLimits(c)),
                new Db(c.getString("db.url"), c.getString("db.user"), c.getString("db.password"),
                        (int) positive(c, "db.pool-size"), Path.of(c.getString("db.embedded.dir")),
                        port(c, "db.embedded.port"), c.getBoolean("db.embedded.fsync")),
                new Cti(ctiUrl(c), c.getString("cti.subprotocol"), c.getString("cti.protocol-version"),
                        duration(c, "cti.connect-timeout"), duration(c, "cti.reply-timeout"),
                        duration(c, "cti.ping-interval"), duration(c, "cti.reconnect-min"),
                        duration(c, "cti.reconnect-max"), new LinkedHashSet<>(c.getStringList("cti.allowed-states"))),
                new Sessions(duration(c, "sessions.idle-timeout"), duration(c, "sessions.absolute-timeout"),
                        duration(c, "sessions.touch-interval"), range(c, "security.max-concurrent-logins", 1, 1024)),
                range(c, "security.bcrypt-cost", 4, 31),
                new Events(duration(c, "events.retention"), (int) positive(c, "events.buffer-capacity"),
                        (int) positive(c, "events.batch-size"), (int) positive(c, "events.reader-threads"),
                        intake(c), stream(c)),
                duration(c, "housekeeping.interval"), new Users(grants(c, "users.default-grants")), metrics(c),
                new Audit(duration(c, "audit.retention")),
                new LoginThrottle(range(c, "login-throttle.max-failures", 1, 100_000),
                        range(c, "login-throttle.max-failures-per-address", 1, 100_000),
                        duration(c, "login-throttle.window"), range(c, "login-throttle.max-tracked", 1, 10_000_000)),
                new RequestLog(c.getBoolean("request-log.enabled"), duration(c, "request-log.retention"),
                        duration(c, "request-log.stats-retention"), range(c, "request-log.queue-capacity", 1, 10_000_000),
                        range(c, "request-log.batch-size", 1, 100_000)),
                new Control(duration(c, "control.idempotency-window"), duration(c, "control.ledger-retention")));
        if (s.db().url().isBlank() == false && !s.db().url().startsWith("jdbc:postgresql:")) {
            throw new ConfigException.BadValue("db.url", "must be a jdbc:postgresql: URL or empty for the embedded database");
        }
        if (s.sessions().absoluteTimeout().compareTo(s.sessions().idleTimeout()) < 0
                || s.sessions().touchInterval().compareTo(s.sessions().idleTimeout()) >= 0) {
            throw new ConfigException.BadValue("sessions",
                    "need touch-interval < idle-timeout <= absolute-timeout");
        }
        if (s.control().ledgerRetention().compareTo(s.control().idempotencyWindow()) < 0) {
            throw new ConfigException.BadValue("control.ledger-retention", "must not be below control.idempotency-window");
        }
        if (s.cti().reconnectMax().compareTo(s.cti().reconnectMin()) < 0) {
            throw new ConfigException.BadValue("cti.reconnect-max", "must not be below cti.reconnect-min");
        }
        if (s.cti().pingInterval().compareTo(Duration.ofSeconds(2)) < 0) {
            // The link pings in whole seconds (half this interval): below 2 s it could not keep its promise.
            throw new ConfigException.BadValue("cti.ping-interval", "must be at least 2s");
        }
        return s;
    }

    /** {@code metrics.port} is {@code "api"} (the API's listener) or a port number. */
    private static Metrics metrics(Config c) {
        boolean separate = !"api".equals(c.getValue("metrics.port").unwrapped());
        return new Metrics(c.getBoolean("metrics.enabled"), separate, c.getString("metrics.host"),
                separate ? port(c, "metrics.port") : -1);
    }

    private static HttpLimits httpLimits(Config c) {
        return new HttpLimits(duration(c, "http.body-timeout"), positive(c, "http.min-body-rate"),
                range(c, "http.max-pending-bodies", 1, 1_000_000), range(c, "http.max-pending-bodies-per-address", 1, 1_000_000),
                range(c, "http.max-requests-per-address", 1, 1_000_000), range(c, "http.max-logins-per-address", 1, 1024));
    }

    private static Stream stream(Config c) {
        Duration heartbeat = duration(c, "events.stream.heartbeat");
        if (heartbeat.compareTo(Duration.ofSeconds(1)) < 0 || heartbeat.compareTo(Duration.ofSeconds(60)) > 0) {
            // Below the connection idle timeout (120 s) with room to spare, so an idle stream is never cut.
            throw new ConfigException.BadValue("events.stream.heartbeat", "must be 1s-60s");
        }
        return new Stream(heartbeat, range(c, "events.stream.max-pending", 1, 1_000_000),
                range(c, "events.stream.max-open", 1, 1_000_000), range(c, "events.stream.max-per-login", 1, 1000));
    }

    private static Intake intake(Config c) {
        String dir = c.getString("events.intake.dir");
        return new Intake(c.getBoolean("events.intake.enabled"), dir.isBlank()
                ? Path.of(c.getString("db.embedded.dir")).resolveSibling("intake") : Path.of(dir));
    }

    private static URI ctiUrl(Config c) {
        String text = c.getString("cti.url");
        try {
            URI uri = new URI(text);
            if (!"ws".equals(uri.getScheme()) && !"wss".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new ConfigException.BadValue("cti.url", "must be a ws:// or wss:// URL with a host, got '" + text + "'");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException.BadValue("cti.url", "not a URL: " + e.getMessage());
        }
    }

    private static int port(Config c, String path) {
        return range(c, path, 0, 65535);
    }

    private static int range(Config c, String path, int min, int max) {
        int v = c.getInt(path);
        if (v < min || v > max) {
            throw new ConfigException.BadValue(path, "must be between " + min + " and " + max + ", got " + v);
        }
        return v;
    }

    private static long positive(Config c, String path) {
        long v = c.getLong(path);
        if (v <= 0) {
            throw new ConfigException.BadValue(path, "must be positive, got " + v);
        }
        return v;
    }

    private static Duration duration(Config c, String path) {
        Duration d = c.getDuration(path);
        if (d.isNegative() || d.isZero()) {
            throw new ConfigException.BadValue(path, "must be a positive duration, got " + d);
        }
        return d;
    }
}
