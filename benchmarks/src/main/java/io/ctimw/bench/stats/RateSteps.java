package io.ctimw.bench.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The rising-rate search: rates are tried in ascending order and the search stops at the first
 * step that fails its criterion; the answer is the last rate that passed (0 when none did).
 */
public final class RateSteps {
    private final List<Integer> rates;
    private final List<Integer> tried = new ArrayList<>();
    private int highestPassed;
    private boolean failed;

    public RateSteps(List<Integer> rates) {
        for (int i = 1; i < rates.size(); i++) {
            if (rates.get(i) <= rates.get(i - 1)) {
                throw new IllegalArgumentException("rates must be strictly ascending: " + rates);
            }
        }
        if (rates.isEmpty() || rates.get(0) <= 0) {
            throw new IllegalArgumentException("need at least one positive rate");
        }
        this.rates = List.copyOf(rates);
    }

    /** Rates from {@code start} multiplying by {@code factor}, rounded to a multiple of {@code round}, up to {@code max}. */
    public static List<Integer> geometric(int start, double factor, int max, int round) {
        if (start <= 0 || factor <= 1 || round <= 0) {
            throw new IllegalArgumentException("start > 0, factor > 1 and round > 0 required");
        }
        List<Integer> out = new ArrayList<>();
        double r = start;
        while (r <= max) {
            int rounded = (int) Math.max(round, Math.round(r / round) * round);
            if (out.isEmpty() || rounded > out.get(out.size() - 1)) {
                out.add(rounded);
            }
            r *= factor;
        }
        return out;
    }

    /** True while another step should run. */
    public boolean hasNext() {
        return !failed && tried.size() < rates.size();
    }

    public int next() {
        if (!hasNext()) {
            throw new IllegalStateException("the search is over");
        }
        return rates.get(tried.size());
    }

    /** Reports the outcome of the rate {@link #next()} returned. */
    public void report(boolean passed) {
        int rate = next();
        tried.add(rate);
        if (passed) {
            highestPassed = rate;
        } else {
            failed = true;
        }
    }

    public int highestPassed() {
        return highestPassed;
    }

    /** True when the last rate of the list passed: the ceiling is above the tested range. */
    public boolean exhausted() {
        return !failed && tried.size() == rates.size();
    }

    public List<Integer> tried() {
        return List.copyOf(tried);
    }
}
