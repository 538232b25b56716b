package io.ctimw.bench.client;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * One agent's open event stream: its socket, the cursor to resume from, and the bytes of a message not
 * complete yet. Parses the HTTP/1.0 head, then splits the body into server-sent-events messages (blank
 * line terminated); the selector thread only.
 */
final class StreamConnection {
    /** Told of the status once the head is read. */
    interface Opened {
        void opened(StreamConnection c, int status);
    }

    final Agent agent;
    SocketChannel channel;
    SelectionKey key;
    long after = -1;
    long retryAt;
    boolean open;
    boolean ended;
    private boolean headRead;
    private byte[] pending = new byte[4096];
    private int length;

    StreamConnection(Agent agent) {
        this.agent = agent;
    }

    ByteBuffer request(String host) {
        String text = "GET /api/v1/events/stream" + (after >= 0 ? "?after=" + after : "") + " HTTP/1.0\r\nHost: " + host
                + "\r\nAuthorization: Bearer " + agent.token() + "\r\n\r\n";
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }

    void reset() {
        headRead = false;
        open = false;
        ended = false;
        length = 0;
    }

    /** Appends what was read and hands each complete message's text to {@code messages}. */
    void feed(ByteBuffer in, Consumer<String> messages, Opened opened) {
        int n = in.remaining();
        if (length + n > pending.length) {
            byte[] bigger = new byte[Math.max(pending.length * 2, length + n)];
            System.arraycopy(pending, 0, bigger, 0, length);
            pending = bigger;
        }
        in.get(pending, length, n);
        length += n;
        int from = 0;
        if (!headRead) {
            int end = indexOf(pending, length, 0, "\r\n\r\n");
            if (end < 0) {
                return;
            }
            String head = new String(pending, 0, end, StandardCharsets.US_ASCII);
            int status = Integer.parseInt(head.substring(9, 12)); // "HTTP/1.x NNN"
            headRead = true;
            opened.opened(this, status);
            from = end + 4;
        }
        for (int end = indexOf(pending, length, from, "\n\n"); end >= 0; end = indexOf(pending, length, from, "\n\n")) {
            String message = new String(pending, from, end - from, StandardCharsets.UTF_8);
            from = end + 2;
            if (message.startsWith("id: ")) {
                int eol = message.indexOf('\n');
                after = Long.parseLong(message.substring(4, eol < 0 ? message.length() : eol));
            } else if (message.startsWith("event: end")) {
                ended = true;
            }
            messages.accept(message);
        }
        System.arraycopy(pending, from, pending, 0, length - from);
        length -= from;
    }

    void close() {
        PollConnection.close(key, channel);
        channel = null;
        key = null;
    }

    private static int indexOf(byte[] bytes, int length, int from, String what) {
        outer:
        for (int i = from; i <= length - what.length(); i++) {
            for (int j = 0; j < what.length(); j++) {
                if (bytes[i + j] != what.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
