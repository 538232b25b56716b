package io.ctimw.bench.chaos.client;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/** Answers counted by status (thread-safe); the negative codes of {@link RawExchange} count "no answer". */
public final class StatusCounts {
    private final Map<Integer, LongAdder> counts = new ConcurrentHashMap<>();

    public void add(int status) {
        counts.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    public long get(int status) {
        LongAdder a = counts.get(status);
        return a == null ? 0 : a.sum();
    }

    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Answers with a status of 500 or more, except those the caller says are correct there. */
    public long serverErrors(int... allowed) {
        return snapshot().entrySet().stream()
                .filter(e -> e.getKey() >= 500 && java.util.Arrays.stream(allowed).noneMatch(a -> a == e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
    }

    public Map<Integer, Long> snapshot() {
        Map<Integer, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** "400: 5,012, 413: 80, closed: 3" */
    public String describe() {
        if (counts.isEmpty()) {
            return "none";
        }
        return snapshot().entrySet().stream().map(e -> label(e.getKey()) + ": " + String.format(java.util.Locale.ROOT, "%,d", e.getValue()))
                .collect(Collectors.joining(", "));
    }

    static String label(int status) {
        return switch (status) {
            case RawExchange.CLOSED -> "closed without answer";
            case RawExchange.TIMED_OUT -> "no answer in time";
            case RawExchange.REFUSED -> "connection refused";
            default -> Integer.toString(status);
        };
    }
}
