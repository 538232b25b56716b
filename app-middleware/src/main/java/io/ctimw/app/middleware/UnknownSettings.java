package io.ctimw.app.middleware;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Refuses settings the product does not know, so a typo ({@code http.prot}) stops the start with one
 * line naming it and the nearest known name, instead of silently running on the default.
 */
final class UnknownSettings {
    /** Read by logback (level, format, folder) and by the launcher (conf folder), not by the settings; still known. */
    static final List<String> OTHER_VARIABLES =
            List.of("CTIMW_LOG_LEVEL", "CTIMW_LOG_FORMAT", "CTIMW_LOG_DIR", "CTIMW_CONF_DIR");
    private static final String VARIABLE_PREFIX = "CTIMW_";

    private UnknownSettings() {
    }

    /** @throws ConfigException naming every path of {@code merged} that {@code reference} does not have */
    static void refuseInFile(Config merged, Config reference) {
        Set<String> known = paths(reference);
        List<String> unknown = new ArrayList<>();
        for (String path : paths(merged)) {
            if (!known.contains(path)) {
                String origin = merged.getValue(path).origin().description();
                unknown.add(origin + ": unknown setting " + path + suggestion(path, known));
            }
        }
        refuse(unknown);
    }

    /** @throws ConfigException naming every {@code CTIMW_*} variable that is not one of {@code known} */
    static void refuseInEnvironment(Map<String, String> env, Collection<String> known) {
        Set<String> names = new TreeSet<>(known);
        names.addAll(OTHER_VARIABLES);
        List<String> unknown = env.keySet().stream().filter(v -> v.startsWith(VARIABLE_PREFIX))
                .filter(v -> !names.contains(v)).sorted()
                .map(v -> "unknown environment variable " + v + suggestion(v, names)).toList();
        refuse(unknown);
    }

    private static void refuse(List<String> unknown) {
        if (!unknown.isEmpty()) {
            throw new ConfigException.Generic(String.join("; ", unknown));
        }
    }

    private static Set<String> paths(Config c) {
        Set<String> paths = new TreeSet<>();
        c.entrySet().forEach(e -> paths.add(e.getKey()));
        return paths;
    }

    private static String suggestion(String name, Collection<String> known) {
        return known.stream()
                .min(Comparator.comparingInt((String k) -> distance(name, k)).thenComparing(k -> k))
                .filter(k -> distance(name, k) <= Math.max(2, name.length() / 4))
                .map(k -> " (did you mean " + k + "?)").orElse("");
    }

    /** Edit distance where swapping two neighbours counts as one edit (the usual typo). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
