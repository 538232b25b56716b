package io.ctimw.adapters.postgres;

import java.io.File;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The newest schema version this build ships: the highest {@code V<n>__*.sql} on the classpath. */
final class KnownMigrations {
    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

    private KnownMigrations() {
    }

    /** How many migrations this build ships (versions may have gaps while branches are merged). */
    static int count() {
        return versions().length;
    }

    static int latest() {
        return Arrays.stream(versions()).max().orElseThrow();
    }

    private static int[] versions() {
        try {
            File dir = new File(Objects.requireNonNull(KnownMigrations.class.getResource("/db/migration")).toURI());
            return Arrays.stream(Objects.requireNonNull(dir.list()))
                    .map(VERSION::matcher).filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1))).toArray();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
