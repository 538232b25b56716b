package io.ctimw.bench.chaos.env;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The middleware node's log file (every start appends to it), read by the probes to explain what they saw. */
public record NodeLog(Path path) {

    /** Lines that contain {@code text} (e.g. " ERROR "), over every start; -1 when the log cannot be read. */
    public long count(String text) {
        try (var lines = Files.lines(path, StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> l.contains(text)).count();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    /** The number that starts the message of the last line containing {@code text} (after " - "), or -1. */
    public long leadingNumber(String text) {
        try (var lines = Files.lines(path, StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> l.contains(text)).reduce((a, b) -> b)
                    .map(l -> l.substring(l.indexOf(" - ") + 3).split(" ", 2)[0])
                    .filter(n -> n.matches("\\d+")).map(Long::parseLong).orElse(-1L);
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    /** The last {@code lines} lines, or why there are none. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(path, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** After a failed start, the one line the middleware printed about why. */
    public String lastLine() {
        return tail(1).trim();
    }
}
