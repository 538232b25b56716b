package io.ctimw.core;

import io.ctimw.core.control.CommandCatalog;
import io.ctimw.core.model.Grants;
import io.ctimw.core.model.SessionPolicy;
import io.ctimw.core.model.ThrottlePolicy;
import io.ctimw.core.throttle.LoginThrottle;
import java.time.Duration;
import java.util.Set;

/**
 * The core's tunables, as the config file gives them. Default grants, allowed states, the login throttle,
 * the request-log retention and the idle timeout are only the defaults of the run-time settings.
 */
public record CoreSettings(SessionPolicy sessions, Set<String> allowedStates, int journalCapacity, int journalBatch,
                           Duration retention, int readerThreads, Grants defaultGrants, Duration auditRetention,
                           ThrottlePolicy throttle, Duration requestLogRetention, int throttleCapacity,
                           int streamMaxPending) {
    public static final Duration DEFAULT_REQUEST_LOG_RETENTION = Duration.ofDays(30);
    /** Stored events an open stream may hold for a client that does not take them, before it is cut. */
    public static final int DEFAULT_STREAM_MAX_PENDING = 1000;
    public static final Duration DEFAULT_AUDIT_RETENTION = Duration.ofDays(365);

    /** @throws IllegalArgumentException when a default grant names a command the catalog does not have */
    public CoreSettings {
        CommandCatalog.standard(allowedStates).requireKnown(defaultGrants);
        if (streamMaxPending < 1) {
            throw new IllegalArgumentException("streamMaxPending must be at least 1");
        }
    }

    /** Tunables with the default stream buffer. */
    public CoreSettings(SessionPolicy sessions, Set<String> allowedStates, int journalCapacity, int journalBatch,
                        Duration retention, int readerThreads, Grants defaultGrants, Duration auditRetention,
                        ThrottlePolicy throttle, Duration requestLogRetention, int throttleCapacity) {
        this(sessions, allowedStates, journalCapacity, journalBatch, retention, readerThreads, defaultGrants,
                auditRetention, throttle, requestLogRetention, throttleCapacity, DEFAULT_STREAM_MAX_PENDING);
    }

    /** Tunables with the default audit retention, login throttle and request-log retention. */
    public CoreSettings(SessionPolicy sessions, Set<String> allowedStates, int journalCapacity, int journalBatch,
                        Duration retention, int readerThreads, Grants defaultGrants) {
        this(sessions, allowedStates, journalCapacity, journalBatch, retention, readerThreads, defaultGrants,
                DEFAULT_AUDIT_RETENTION, ThrottlePolicy.DEFAULT, DEFAULT_REQUEST_LOG_RETENTION,
                LoginThrottle.DEFAULT_CAPACITY);
    }

    public static CoreSettings defaults() {
        return new CoreSettings(new SessionPolicy(Duration.ofHours(1), Duration.ofHours(12), Duration.ofSeconds(30)),
                CommandCatalog.DEFAULT_ALLOWED_STATES, 200_000, 500, Duration.ofDays(7), 4, Grants.ALL);
    }
}
