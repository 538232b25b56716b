package io.ctimw.app.middleware;

import com.typesafe.config.ConfigException;
import io.ctimw.adapters.ctiws.CtiLinkSettings;
import io.ctimw.adapters.http.EdgeLimits;
import io.ctimw.adapters.http.HttpSettings;
import io.ctimw.adapters.http.StreamSettings;
import io.ctimw.core.CoreSettings;
import io.ctimw.core.model.LedgerSettings;
import io.ctimw.core.model.SessionPolicy;
import io.ctimw.core.model.ThrottlePolicy;
import io.ctimw.core.model.RequestLogSettings;
import java.time.Duration;

/** Maps the operator's settings file onto each adapter's and the core's own settings types. */
final class AdapterSettings {
    private AdapterSettings() {
    }

    /** @throws ConfigException.BadValue when a default grant names no command of the catalog */
    static CoreSettings coreSettings(MiddlewareSettings s) {
        MiddlewareSettings.LoginThrottle t = s.loginThrottle();
        ThrottlePolicy throttle;
        try {
            throttle = new ThrottlePolicy(t.maxFailures(), t.maxFailuresPerAddress(), t.window());
        } catch (IllegalArgumentException e) {
            throw new ConfigException.BadValue("login-throttle", e.getMessage());
        }
        try {
            return new CoreSettings(
                    new SessionPolicy(s.sessions().idleTimeout(), s.sessions().absoluteTimeout(),
                            s.sessions().touchInterval(), s.sessions().maxConcurrentLogins()),
                    s.cti().allowedStates(), s.events().bufferCapacity(), s.events().batchSize(),
                    s.events().retention(), s.events().readerThreads(), s.users().defaultGrants(),
                    s.audit().retention(), throttle, s.requestLog().retention(), t.maxTracked(),
                    s.events().stream().maxPending());
        } catch (IllegalArgumentException e) {
            throw new ConfigException.BadValue("users.default-grants", e.getMessage());
        }
    }

    /** The retentions are read at each housekeeping round: a live setting may hand other suppliers. */
    static RequestLogSettings requestLogSettings(MiddlewareSettings s) {
        MiddlewareSettings.RequestLog r = s.requestLog();
        return new RequestLogSettings(r.enabled(), r.queueCapacity(), r.batchSize(), r::retention, r::statsRetention);
    }

    /** A retry waits for an attempt in flight as long as the CTI may take to answer it, and a little more. */
    static LedgerSettings ledgerSettings(MiddlewareSettings s) {
        return new LedgerSettings(s.control().idempotencyWindow(), s.control().ledgerRetention(),
                s.cti().replyTimeout().plusSeconds(2), LedgerSettings.DEFAULT.pollInterval());
    }

    static HttpSettings httpSettings(MiddlewareSettings s) {
        return new HttpSettings(s.http().host(), s.http().port(), s.http().maxBodyBytes(),
                HttpSettings.DEFAULT_COOKIE_NAME, s.http().cookieSecure(), s.sessions().absoluteTimeout(),
                s.http().defaultEventLimit(), s.http().retryAfterSeconds(), s.http().maxThreads(),
                Duration.ofSeconds(90), Duration.ofSeconds(120), edgeLimits(s), streamSettings(s.events().stream()));
    }

    private static StreamSettings streamSettings(MiddlewareSettings.Stream s) {
        return new StreamSettings(s.heartbeat(), s.maxOpen(), s.maxPerLogin());
    }

    // The edge admits as many logins as the core may check at once: the rest are refused before their body is read.
    private static EdgeLimits edgeLimits(MiddlewareSettings s) {
        MiddlewareSettings.HttpLimits l = s.http().limits();
        int logins = s.sessions().maxConcurrentLogins();
        return new EdgeLimits(l.bodyTimeout(), l.minBodyRate(), l.maxPendingBodies(), l.maxPendingBodiesPerAddress(),
                l.maxRequestsPerAddress(), logins, Math.min(logins, l.maxLoginsPerAddress()));
    }

    static CtiLinkSettings ctiSettings(MiddlewareSettings.Cti c) {
        return new CtiLinkSettings(c.url(), c.subprotocol(), c.protocolVersion(), c.connectTimeout(),
                c.replyTimeout(), c.pingInterval(), c.reconnectMin(), c.reconnectMax());
    }
}
