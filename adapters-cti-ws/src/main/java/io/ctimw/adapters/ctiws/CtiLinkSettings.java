package io.ctimw.adapters.ctiws;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the CTI link connects and paces itself; built once by the wiring from config.
 *
 * @param url             the whole WebSocket URL ({@code ws://host:8098/ws}); the guide names no path
 * @param subprotocol     the WebSocket subprotocol offered in the handshake
 * @param protocolVersion sent in {@code SetProtocolVersion} on every new connection
 * @param connectTimeout  the longest a connection attempt (TCP connect and handshake) may take
 * @param replyTimeout    how long a command waits for its reply before it is answered TimedOut
 * @param pingInterval    how soon a dead link is noticed (at least 2 s): WebSocket pings go out every half of
 *                        it, in whole seconds, and a peer without pong for 1.5 ping periods is dropped
 * @param reconnectMin    first retry delay; doubled per failed attempt, jittered
 * @param reconnectMax    cap of the retry delay: once lost, the CTI is probed at least this often, so a
 *                        returning CTI is noticed within it (keep it a few seconds)
 */
public record CtiLinkSettings(URI url, String subprotocol, String protocolVersion, Duration connectTimeout,
                              Duration replyTimeout, Duration pingInterval, Duration reconnectMin,
                              Duration reconnectMax) {
    public static final String DEFAULT_SUBPROTOCOL = "nauphone-cti-protocol";
    public static final String DEFAULT_PROTOCOL_VERSION = "13";
    private static final Duration MIN_PING_INTERVAL = Duration.ofSeconds(2);

    public CtiLinkSettings {
        Objects.requireNonNull(url, "url");
        if (!"ws".equalsIgnoreCase(url.getScheme()) && !"wss".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("CTI url must be ws:// or wss://, got " + url);
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new IllegalArgumentException("CTI url has no host: " + url);
        }
        requireText(subprotocol, "subprotocol");
        requireText(protocolVersion, "protocolVersion");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(replyTimeout, "replyTimeout");
        requirePositive(pingInterval, "pingInterval");
        if (pingInterval.compareTo(MIN_PING_INTERVAL) < 0) {
            // Java-WebSocket pings in whole seconds and drops after 1.5 periods: 1 s periods notice in 2 s.
            throw new IllegalArgumentException("pingInterval must be at least 2s, got " + pingInterval);
        }
        requirePositive(reconnectMin, "reconnectMin");
        requirePositive(reconnectMax, "reconnectMax");
        if (reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("reconnectMax " + reconnectMax + " < reconnectMin " + reconnectMin);
        }
        // Java-WebSocket takes the connect timeout as int milliseconds.
        if (connectTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("connectTimeout too large: " + connectTimeout);
        }
    }

    /** The protocol's defaults for this URL: 5 s connect and reply timeouts, 10 s pings, 0.5-3 s backoff. */
    public static CtiLinkSettings defaults(URI url) {
        return new CtiLinkSettings(url, DEFAULT_SUBPROTOCOL, DEFAULT_PROTOCOL_VERSION, Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofSeconds(3));
    }

    public CtiLinkSettings withSubprotocol(String value) {
        return new CtiLinkSettings(url, value, protocolVersion, connectTimeout, replyTimeout, pingInterval,
                reconnectMin, reconnectMax);
    }

    public CtiLinkSettings withProtocolVersion(String value) {
        return new CtiLinkSettings(url, subprotocol, value, connectTimeout, replyTimeout, pingInterval,
                reconnectMin, reconnectMax);
    }

    public CtiLinkSettings withConnectTimeout(Duration value) {
        return new CtiLinkSettings(url, subprotocol, protocolVersion, value, replyTimeout, pingInterval,
                reconnectMin, reconnectMax);
    }

    public CtiLinkSettings withReplyTimeout(Duration value) {
        return new CtiLinkSettings(url, subprotocol, protocolVersion, connectTimeout, value, pingInterval,
                reconnectMin, reconnectMax);
    }

    public CtiLinkSettings withPingInterval(Duration value) {
        return new CtiLinkSettings(url, subprotocol, protocolVersion, connectTimeout, replyTimeout, value,
                reconnectMin, reconnectMax);
    }

    public CtiLinkSettings withReconnect(Duration min, Duration max) {
        return new CtiLinkSettings(url, subprotocol, protocolVersion, connectTimeout, replyTimeout, pingInterval,
                min, max);
    }

    /**
     * Java-WebSocket's connection-lost period, in the whole seconds it takes: it pings every period and
     * drops a peer whose last pong is over 1.5 periods old, checked each period, so a link that stops
     * answering is dropped within 2 periods of its last pong: half the interval, rounded down, does it.
     */
    int pingPeriodSeconds() {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, pingInterval.toSeconds() / 2));
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
