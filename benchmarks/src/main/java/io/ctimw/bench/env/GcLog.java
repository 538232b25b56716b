package io.ctimw.bench.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the middleware's {@code -Xlog:gc} file: the stop-the-world pauses within a window of lines. */
public final class GcLog {
    /** Pauses seen between two marks. */
    public record Pauses(int count, double totalMs, double maxMs) {
        public String describe() {
            return count == 0 ? "no GC pause"
                    : String.format(Locale.ROOT, "%d GC pauses, total %.0f ms, longest %.1f ms", count, totalMs, maxMs);
        }
    }

    private static final Pattern PAUSE = Pattern.compile("Pause.* (\\d+\\.\\d+)ms$");

    private final Path file;

    public GcLog(Path file) {
        this.file = file;
    }

    /** The number of lines so far: pass it to {@link #pausesSince(int)} later. */
    public int mark() {
        return lines().size();
    }

    public Pauses pausesSince(int mark) {
        List<String> lines = lines();
        return parse(lines.subList(Math.min(mark, lines.size()), lines.size()));
    }

    static Pauses parse(List<String> lines) {
        int count = 0;
        double total = 0;
        double max = 0;
        for (String line : lines) {
            Matcher m = PAUSE.matcher(line.trim());
            if (m.find()) {
                double ms = Double.parseDouble(m.group(1));
                count++;
                total += ms;
                max = Math.max(max, ms);
            }
        }
        return new Pauses(count, total, max);
    }

    private List<String> lines() {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }
}
