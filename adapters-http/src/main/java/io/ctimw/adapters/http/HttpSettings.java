package io.ctimw.adapters.http;

import io.ctimw.core.model.EventQuery;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything the HTTP adapter needs from configuration; the wiring class builds it once.
 *
 * @param host              interface to bind ({@code 0.0.0.0} for all)
 * @param port              TCP port; 0 picks a free one (see {@link HttpApi#port()})
 * @param maxBodyBytes      largest request body accepted, both as sent and after gzip decoding
 * @param cookieName        name of the session cookie
 * @param cookieSecure      add {@code Secure} to the session cookie (set when served over HTTPS)
 * @param sessionMaxAge     {@code Max-Age} of the session cookie
 * @param defaultLimit      events per poll when the agent gives no {@code limit}
 * @param retryAfterSeconds value of {@code Retry-After} on 503 answers
 * @param maxThreads        size of Jetty's thread pool; long polls hold none while waiting
 * @param asyncTimeout      backstop for a use-case future that never completes; longer than the longest poll
 * @param idleTimeout       idle timeout of client connections; longer than {@code asyncTimeout} so a
 *                          waiting long poll is never cut by the connector
 * @param limits            what one client address, slow bodies and password checks may take
 * @param streams           open event streams: heartbeat and caps
 */
public record HttpSettings(String host, int port, long maxBodyBytes, String cookieName, boolean cookieSecure,
                           Duration sessionMaxAge, int defaultLimit, int retryAfterSeconds, int maxThreads,
                           Duration asyncTimeout, Duration idleTimeout, EdgeLimits limits, StreamSettings streams) {
    public static final String DEFAULT_COOKIE_NAME = "ctimw_session";
    public static final long DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    public static final int DEFAULT_LIMIT = 100;
    private static final Pattern COOKIE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(sessionMaxAge, "sessionMaxAge");
        Objects.requireNonNull(asyncTimeout, "asyncTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(streams, "streams");
        require(port >= 0 && port <= 65_535, "port must be 0-65535");
        require(maxBodyBytes > 0, "maxBodyBytes must be positive");
        require(cookieName != null && COOKIE_NAME.matcher(cookieName).matches(),
                "cookieName must be 1-64 letters, digits, '_', '.' or '-'");
        require(!sessionMaxAge.isNegative() && !sessionMaxAge.isZero(), "sessionMaxAge must be positive");
        require(defaultLimit >= 1 && defaultLimit <= EventQuery.MAX_LIMIT, "defaultLimit must be 1-" + EventQuery.MAX_LIMIT);
        require(retryAfterSeconds >= 0, "retryAfterSeconds must not be negative");
        // Jetty leases an acceptor and a selector thread and needs a few more to serve anything.
        require(maxThreads >= 6, "maxThreads must be at least 6");
        require(asyncTimeout.compareTo(EventQuery.MAX_WAIT) > 0,
                "asyncTimeout must be longer than the longest poll (" + EventQuery.MAX_WAIT.toSeconds() + " s)");
        require(idleTimeout.compareTo(asyncTimeout) > 0, "idleTimeout must be longer than asyncTimeout");
        require(streams.heartbeat().compareTo(idleTimeout) < 0, "the stream heartbeat must be shorter than idleTimeout");
    }

    /** Loopback on 8080, 64 KiB bodies, 12 h sessions, no {@code Secure} flag: override what differs. */
    public static HttpSettings defaults() {
        return new HttpSettings("127.0.0.1", 8080, DEFAULT_MAX_BODY_BYTES, DEFAULT_COOKIE_NAME, false,
                Duration.ofHours(12), DEFAULT_LIMIT, 5, 200, Duration.ofSeconds(90), Duration.ofSeconds(120), EdgeLimits.defaults(),
                StreamSettings.defaults());
    }

    public HttpSettings withAddress(String newHost, int newPort) {
        return new HttpSettings(newHost, newPort, maxBodyBytes, cookieName, cookieSecure, sessionMaxAge,
                defaultLimit, retryAfterSeconds, maxThreads, asyncTimeout, idleTimeout, limits, streams);
    }

    public HttpSettings withMaxBodyBytes(long bytes) {
        return new HttpSettings(host, port, bytes, cookieName, cookieSecure, sessionMaxAge,
                defaultLimit, retryAfterSeconds, maxThreads, asyncTimeout, idleTimeout, limits, streams);
    }

    public HttpSettings withCookie(String name, boolean secure, Duration maxAge) {
        return new HttpSettings(host, port, maxBodyBytes, name, secure, maxAge,
                defaultLimit, retryAfterSeconds, maxThreads, asyncTimeout, idleTimeout, limits, streams);
    }

    public HttpSettings withMaxThreads(int threads) {
        return new HttpSettings(host, port, maxBodyBytes, cookieName, cookieSecure, sessionMaxAge,
                defaultLimit, retryAfterSeconds, threads, asyncTimeout, idleTimeout, limits, streams);
    }

    public HttpSettings withLimits(EdgeLimits newLimits) {
        return new HttpSettings(host, port, maxBodyBytes, cookieName, cookieSecure, sessionMaxAge,
                defaultLimit, retryAfterSeconds, maxThreads, asyncTimeout, idleTimeout, newLimits, streams);
    }

    public HttpSettings withStreams(StreamSettings newStreams) {
        return new HttpSettings(host, port, maxBodyBytes, cookieName, cookieSecure, sessionMaxAge,
                defaultLimit, retryAfterSeconds, maxThreads, asyncTimeout, idleTimeout, limits, newStreams);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
