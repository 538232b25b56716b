package io.ctimw.bench.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/** Repeated runs of a noisy figure: min, median and max, as the report prints them. */
public record Spread(double min, double median, double max, int runs) {
    public static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(sorted.get(0), median, sorted.get(n - 1), n);
    }

    /** "median 0.71 (min 0.65, max 0.80, 3 runs)" with the given number format. */
    public String describe(DoubleFunction<String> format) {
        if (runs == 0) {
            return "n/a";
        }
        if (runs == 1) {
            return format.apply(median);
        }
        return String.format(Locale.ROOT, "%s (min %s, max %s, %d runs)", format.apply(median),
                format.apply(min), format.apply(max), runs);
    }
}
