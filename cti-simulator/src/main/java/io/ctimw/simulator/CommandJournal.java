package io.ctimw.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Records received commands so tests can inspect them or wait for one without sleeping. */
final class CommandJournal {
    // Bounded so that a long standalone demo does not grow without limit.
    private static final int CAPACITY = 100_000;

    private final ArrayDeque<ReceivedCommand> commands = new ArrayDeque<>();

    synchronized void add(ReceivedCommand command) {
        if (commands.size() == CAPACITY) {
            commands.removeFirst();
        }
        commands.addLast(command);
        notifyAll();
    }

    synchronized List<ReceivedCommand> snapshot() {
        return List.copyOf(commands);
    }

    synchronized void clear() {
        commands.clear();
    }

    /** The first recorded command (already received or arriving within the timeout) that matches. */
    synchronized ReceivedCommand await(Predicate<ReceivedCommand> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<ReceivedCommand> found = commands.stream().filter(match).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("no matching command within " + timeout + "; received: "
                        + commands.stream().map(c -> c.name() + "/" + c.rid()).toList());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a command", e);
            }
        }
    }
}
