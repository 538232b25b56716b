package io.ctimw.simulator;

import java.time.Duration;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/** Misbehaviour switched on by tests and scripts; read by the command pipeline and the sockets, set from any thread. */
final class Faults {
    private final Set<String> rejectedAttachLogins = ConcurrentHashMap.newKeySet();
    private final Set<String> silencedCommands = ConcurrentHashMap.newKeySet();
    private final ConcurrentMap<String, Queue<String>> failNext = new ConcurrentHashMap<>();
    private final AtomicLong pingsIgnored = new AtomicLong();
    private volatile Duration replyDelay = Duration.ZERO;
    private volatile boolean rejectAllAttaches;
    private volatile boolean duplicateReplies;
    private volatile boolean reorderFrames;
    private volatile boolean malformedFrames;
    private volatile boolean answerPings = true;

    void rejectAttach(String login, boolean reject) {
        toggle(rejectedAttachLogins, login, reject);
    }

    void rejectAllAttaches(boolean reject) {
        rejectAllAttaches = reject;
    }

    boolean rejectsAttach(String login) {
        return rejectAllAttaches || rejectedAttachLogins.contains(login);
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

    void duplicateReplies(boolean on) {
        duplicateReplies = on;
    }

    boolean duplicatesReplies() {
        return duplicateReplies;
    }

    void reorderFrames(boolean on) {
        reorderFrames = on;
    }

    boolean reordersFrames() {
        return reorderFrames;
    }

    void malformedFrames(boolean on) {
        malformedFrames = on;
    }

    boolean sendsMalformedFrames() {
        return malformedFrames;
    }

    void answerPings(boolean on) {
        answerPings = on;
    }

    /** True to answer this ping; a ping left unanswered is counted (a signal tests can wait for). */
    boolean answersPing() {
        if (answerPings) {
            return true;
        }
        pingsIgnored.incrementAndGet();
        return false;
    }

    long pingsIgnored() {
        return pingsIgnored.get();
    }

    private static void toggle(Set<String> set, String key, boolean on) {
        if (on) {
            set.add(key);
        } else {
            set.remove(key);
        }
    }
}
