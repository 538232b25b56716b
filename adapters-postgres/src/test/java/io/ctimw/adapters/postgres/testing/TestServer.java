package io.ctimw.adapters.postgres.testing;

import io.ctimw.adapters.postgres.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The PostgreSQL server the tests of this JVM share: the one named by {@code CTI_TEST_JDBC_URL}
 * (with {@code CTI_TEST_JDBC_USER} / {@code CTI_TEST_JDBC_PASSWORD}) or else one embedded server,
 * started on first use and stopped by a shutdown hook.
 */
final class TestServer {
    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(\\?.*)?$");

    private final String adminUrl;
    private final String user;
    private final String password;

    private TestServer(String adminUrl, String user, String password) {
        if (!URL.matcher(adminUrl).matches()) {
            throw new IllegalArgumentException("expected jdbc:postgresql://host[:port]/database[?params], got " + adminUrl);
        }
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    static TestServer get() {
        return Holder.INSTANCE;
    }

    /** Lazy, thread-safe, once per JVM: the JVM initialises a holder class exactly once. */
    private static final class Holder {
        static final TestServer INSTANCE = create();
    }

    private static TestServer create() {
        String url = System.getenv("CTI_TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            return new TestServer(url, envOr("CTI_TEST_JDBC_USER", "postgres"), envOr("CTI_TEST_JDBC_PASSWORD", ""));
        }
        try {
            Path dir = Files.createTempDirectory("cti-test-postgres");
            EmbeddedDatabase embedded = EmbeddedDatabase.start(dir, 0, false); // throwaway data: no fsync
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                embedded.close();
                deleteRecursively(dir);
            }, "stop-test-postgres"));
            return new TestServer(embedded.jdbcUrl(), embedded.user(), embedded.password());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover temp directory must not fail the build
        }
    }

    String adminUrl() {
        return adminUrl;
    }

    /** The server's url with the database part replaced. */
    String urlFor(String database) {
        Matcher m = URL.matcher(adminUrl);
        if (!m.matches()) {
            throw new IllegalStateException("unparseable url " + adminUrl);
        }
        return m.group(1) + database + (m.group(3) == null ? "" : m.group(3));
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }
}
