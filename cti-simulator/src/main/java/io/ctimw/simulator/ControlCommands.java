package io.ctimw.simulator;

import java.time.Duration;
import java.util.Locale;

/**
 * The one-line text commands that switch faults on a running simulator, e.g. {@code pings off}; what
 * a chaos script sends to the control port ({@link ControlServer}).
 */
final class ControlCommands {
    static final String HELP = String.join("\n",
            "drop                    close every connection abruptly (the client sees 1006)",
            "pings on|off            answer WebSocket pings, or leave them unanswered",
            "malformed on|off        precede every outgoing frame with one that is not JSON",
            "duplicate on|off        send every reply twice",
            "reorder on|off          send outgoing frames in swapped pairs",
            "reject-attach on|off    answer every AttachToUser with Error \"no licence\"",
            "silence COMMAND on|off  never reply to COMMAND",
            "delay MILLIS            delay every command's execution (0 = off)",
            "nul-event LOGIN         send LOGIN an event whose name contains U+0000",
            "garbage                 send every connection a non-JSON frame and a nameless object", "");

    private final CtiSimulator simulator;

    ControlCommands(CtiSimulator simulator) {
        this.simulator = simulator;
    }

    /** Runs one command; IllegalArgumentException (with the usage) when it is not one. */
    void run(String line) {
        String[] words = line.trim().split("\\s+");
        SimulatorFaults faults = simulator.faults();
        switch (words[0].toLowerCase(Locale.ROOT)) {
            case "drop" -> faults.dropAllConnections();
            case "pings" -> faults.answerPings(onOff(words, 1));
            case "malformed" -> faults.malformedFrames(onOff(words, 1));
            case "duplicate" -> faults.duplicateReplies(onOff(words, 1));
            case "reorder" -> faults.reorderFrames(onOff(words, 1));
            case "reject-attach" -> faults.rejectAttaches(onOff(words, 1));
            case "silence" -> faults.silence(word(words, 1), onOff(words, 2));
            case "delay" -> faults.replyDelay(Duration.ofMillis(millis(word(words, 1))));
            case "nul-event" -> faults.emitUnstorableEvent(word(words, 1));
            case "garbage" -> faults.sendGarbage();
            default -> throw usage("unknown command '" + words[0] + "'");
        }
    }

    private static boolean onOff(String[] words, int index) {
        return switch (word(words, index).toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw usage("expected on or off, got '" + words[index] + "'");
        };
    }

    private static String word(String[] words, int index) {
        if (words.length <= index || words[index].isEmpty()) {
            throw usage("missing argument " + index + " of '" + words[0] + "'");
        }
        return words[index];
    }

    private static long millis(String text) {
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the usage
        }
        throw usage("expected milliseconds >= 0, got '" + text + "'");
    }

    private static IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException(problem + "\ncommands:\n" + HELP);
    }
}
