package io.ctimw.adapters.postgres;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach PostgreSQL. {@code connectionTimeout} is how long a store call waits for a connection
 * before it fails with {@code StoreUnavailableException}, so keep it short (a few seconds).
 */
public record PostgresSettings(String jdbcUrl, String user, String password, int poolSize,
                               Duration connectionTimeout) {
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(3);

    public PostgresSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC url: " + redactedUrl(jdbcUrl));
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1");
        }
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("connectionTimeout must be at least 250 ms (HikariCP's minimum)");
        }
    }

    public PostgresSettings(String jdbcUrl, String user, String password, int poolSize) {
        this(jdbcUrl, user, password, poolSize, DEFAULT_CONNECTION_TIMEOUT);
    }

    /** The url with any {@code password=} parameter masked, safe for logs and error messages. */
    public String redactedUrl() {
        return redactedUrl(jdbcUrl);
    }

    /** The URL with any {@code password=} parameter masked, for logs and messages. */
    public static String redactedUrl(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    @Override
    public String toString() {
        return "PostgresSettings[url=" + redactedUrl() + ", user=" + user + ", poolSize=" + poolSize
                + ", connectionTimeout=" + connectionTimeout + "]";
    }
}
