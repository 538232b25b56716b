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
    /** The misbehaviours that are simply on or off. */
    enum Switch { IGNORE_PINGS, DUPLICATE_REPLIES, REORDER_FRAMES, MALFORMED_FRAMES, REJECT_ALL_ATTACHES }

    private final Set<String> rejectedAttachLogins = ConcurrentHashMap.newKeySet();
    private final Set<String> silencedCommands = ConcurrentHashMap.newKeySet();
    private final ConcurrentMap<String, Queue<String>> failNext = new ConcurrentHashMap<>();
    private final AtomicLong pingsIgnored = new AtomicLong();
    private volatile Duration replyDelay = Duration.ZERO;
    private final Set<Switch> switches = ConcurrentHashMap.newKeySet();

    void rejectAttach(String login, boolean reject) {
        toggle(rejectedAttachLogins, login, reject);
    }

    boolean rejectsAttach(String login) {
        return isOn(Switch.REJECT_ALL_ATTACHES) || rejectedAttachLogins.contains(login);
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

    /** Turns one of the on/off misbehaviours on or off. */
    void set(Switch which, boolean on) {
        toggle(switches, which, on);
    }

    boolean isOn(Switch which) {
        return switches.contains(which);
    }

    /** True to answer this ping; a ping left unanswered is counted (a signal tests can wait for). */
    boolean answersPing() {
        if (!isOn(Switch.IGNORE_PINGS)) {
            return true;
        }
        pingsIgnored.incrementAndGet();
        return false;
    }

    long pingsIgnored() {
        return pingsIgnored.get();
    }

    private static <T> void toggle(Set<T> set, T key, boolean on) {
        if (on) {
            set.add(key);
        } else {
            set.remove(key);
        }
    }
}
