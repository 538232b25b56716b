package io.ctimw.bench.client;

import java.time.Instant;

/**
 * Finds the simulator's load markers ({@code "simSeq"} and {@code "simSentAtMicros"}) in an events
 * response without a JSON parser: the driver reads tens of thousands of events a second on a CPU it
 * shares with the middleware, so it only scans for the two numbers it needs. Events without markers
 * (UserState, mw.* events) are skipped.
 */
public final class LoadEventScanner {
    /** What the scanner reports, once per load event found. */
    @FunctionalInterface
    public interface Sink {
        /** @param receivedAtMicros the middleware's {@code _receivedAt} in epoch micros, or -1 if absent */
        void loadEvent(long seq, long sentAtMicros, long receivedAtMicros);
    }

    private static final String SEQ = "\"simSeq\":";
    private static final String SENT = "\"simSentAtMicros\":";
    private static final String RECEIVED = "\"_receivedAt\":\"";

    private LoadEventScanner() {
    }

    /** Returns how many load events were found. */
    public static int scan(String body, Sink sink) {
        int found = 0;
        int from = 0;
        while (true) {
            int seqAt = body.indexOf(SEQ, from);
            if (seqAt < 0) {
                return found;
            }
            // Both markers sit in the same params object; the element ends at the next "_cursor".
            int elementEnd = body.indexOf("\"_cursor\":", seqAt);
            int sentAt = body.indexOf(SENT, Math.max(0, lastElementStart(body, seqAt)));
            if (sentAt < 0 || (elementEnd >= 0 && sentAt > elementEnd)) {
                from = seqAt + SEQ.length();
                continue;
            }
            long seq = number(body, seqAt + SEQ.length());
            long sent = number(body, sentAt + SENT.length());
            if (seq >= 0 && sent >= 0) {
                sink.loadEvent(seq, sent, receivedAt(body, lastElementStart(body, seqAt)));
                found++;
            }
            from = seqAt + SEQ.length();
        }
    }

    /** The element's {@code "_receivedAt":"<ISO instant>"} (the middleware puts it right after _cursor), or -1. */
    static long receivedAt(String body, int elementStart) {
        if (elementStart < 0) {
            return -1;
        }
        int at = body.indexOf(RECEIVED, elementStart);
        if (at < 0) {
            return -1;
        }
        int start = at + RECEIVED.length();
        int end = body.indexOf('"', start);
        try {
            Instant t = Instant.parse(body.substring(start, end));
            return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static int lastElementStart(String body, int at) {
        return body.lastIndexOf("\"_cursor\":", at);
    }

    /** The non-negative integer starting at {@code at} (spaces allowed before it), or -1. */
    static long number(String s, int at) {
        int i = at;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        long value = 0;
        int digits = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            value = value * 10 + (c - '0');
            digits++;
            i++;
        }
        return digits == 0 ? -1 : value;
    }
}
