package io.ctimw.bench.stats;

import java.util.Locale;

/** Number formatting shared by the console and the markdown report, so both read the same. */
public final class Fmt {
    private Fmt() {
    }

    /** Milliseconds with precision where it matters: 0.42, 3.1, 48, 1234. */
    public static String ms(double ms) {
        if (Double.isNaN(ms)) {
            return "n/a";
        }
        if (ms < 1) {
            return String.format(Locale.ROOT, "%.2f", ms);
        }
        if (ms < 10) {
            return String.format(Locale.ROOT, "%.1f", ms);
        }
        return String.format(Locale.ROOT, "%.0f", ms);
    }

    /** Whole numbers with thousands separators: 12,345. */
    public static String count(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%,d", Math.round(value));
    }

    /** A ratio with two decimals: 0.73. */
    public static String ratio(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** Bytes as MiB: 412 MiB. */
    public static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%,d MiB", Math.round(bytes / 1048576.0));
    }
}
