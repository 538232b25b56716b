package io.ctimw.simulator;

import java.time.Duration;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;

/** Misbehaviour switched on by tests; read by the command pipeline, set from any thread. */
final class Faults {
    private final Set<String> rejectedAttachLogins = ConcurrentHashMap.newKeySet();
    private final Set<String> silencedCommands = ConcurrentHashMap.newKeySet();
    private final ConcurrentMap<String, Queue<String>> failNext = new ConcurrentHashMap<>();
    private volatile Duration replyDelay = Duration.ZERO;

    void rejectAttach(String login, boolean reject) {
        toggle(rejectedAttachLogins, login, reject);
    }

    boolean rejectsAttach(String login) {
        return rejectedAttachLogins.contains(login);
    }

    void silence(String commandName, boolean silent) {
        toggle(silencedCommands, commandName, silent);
    }

    boolean isSilenced(String commandName) {
        return silencedCommands.contains(commandName);
    }

    void failNext(String commandName, String description) {
        failNext.computeIfAbsent(commandName, n -> new ConcurrentLinkedQueue<>()).add(description);
    }

    /** The queued failure for this command, consumed; null when none is queued. */
    String takeFailure(String commandName) {
        Queue<String> queue = failNext.get(commandName);
        return queue == null ? null : queue.poll();
    }

    void replyDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay: " + delay);
        }
        replyDelay = delay;
    }

    Duration replyDelay() {
        return replyDelay;
    }

    private static void toggle(Set<String> set, String key, boolean on) {
        if (on) {
            set.add(key);
        } else {
            set.remove(key);
        }
    }
}
