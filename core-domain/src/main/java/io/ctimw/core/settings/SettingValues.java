package io.ctimw.core.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads values in their JSON shapes (strict: no coercion) and writes durations the way the config file does. */
final class SettingValues {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");
    private static final String[] UNITS = {"d", "h", "m", "s"};
    private static final Duration[] SIZES = {Duration.ofDays(1), Duration.ofHours(1), Duration.ofMinutes(1),
        Duration.ofSeconds(1)};

    private SettingValues() {
    }

    static List<String> textList(Object value, Pattern itemShape, String itemDescription) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("must be a list of strings");
        }
        List<String> items = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String s) || !itemShape.matcher(s).matches()) {
                throw new IllegalArgumentException("every item must be " + itemDescription);
            }
            items.add(s);
        }
        return items;
    }

    static int count(Object value) {
        if (!(value instanceof Integer || value instanceof Long)) {
            throw new IllegalArgumentException("must be a whole number");
        }
        long n = ((Number) value).longValue();
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("is out of range");
        }
        return (int) n;
    }

    static Duration duration(Object value) {
        Matcher m = value instanceof String s ? DURATION.matcher(s) : null;
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("must be a duration such as \"30s\", \"15m\", \"1h\" or \"30d\"");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    static void requireBetween(Duration d, Duration min, Duration max) {
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException("must be between " + format(min) + " and " + format(max));
        }
    }

    /** The largest whole unit: 900 s is "15m", 1500 ms is "1500ms". */
    static String format(Duration d) {
        for (int i = 0; i < UNITS.length; i++) {
            if (d.toNanos() % SIZES[i].toNanos() == 0 && !d.isZero()) {
                return d.dividedBy(SIZES[i]) + UNITS[i];
            }
        }
        return d.toMillis() + "ms";
    }
}
