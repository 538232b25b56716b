package io.ctimw.app.agent.shell;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last feed lines the shell printed, for its {@code events} command after a clear or a scroll. */
final class RecentEvents {
    static final int KEPT = 20;

    private final Deque<String> lines = new ArrayDeque<>();

    synchronized void add(String line) {
        if (lines.size() == KEPT) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
