package io.ctimw.bench.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * One agent's persistent long-poll connection: its socket, parser, cursor and the request in flight.
 * The socket methods run on its loop's selector thread only.
 */
final class PollConnection {
    final Agent agent;
    final PollSelectorLoop loop;
    final HttpResponseParser parser = new HttpResponseParser();
    /** The cursor of the next poll's {@code after}; -1 means "from the session's position". */
    long after = -1;
    SocketChannel channel;
    SelectionKey key;
    /** Request bytes still to be written (connect in progress or a full socket buffer), or null. */
    ByteBuffer pendingWrite;
    /** A request was sent (or is being sent) and its answer has not arrived. */
    boolean inFlight;
    long sentAtNanos;
    /** In its loop's list (for the timeout sweep). */
    boolean tracked;

    PollConnection(Agent agent, PollSelectorLoop loop) {
        this.agent = agent;
        this.loop = loop;
    }

    /** The GET for the next poll: keep-alive (HTTP/1.1 default), bearer token, no content coding asked for. */
    ByteBuffer request(String hostHeader, int waitSeconds) {
        String text = "GET /api/v1/events?wait=" + waitSeconds + (after >= 0 ? "&after=" + after : "")
                + "&limit=1000 HTTP/1.1\r\nHost: " + hostHeader + "\r\nAuthorization: Bearer " + agent.token()
                + "\r\n\r\n";
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Opens a non-blocking socket; the pending request goes out once it is connected. */
    void connect(InetSocketAddress server, Selector selector) throws IOException {
        SocketChannel ch = SocketChannel.open();
        channel = ch;
        parser.reset();
        ch.configureBlocking(false);
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        if (ch.connect(server)) {
            key = ch.register(selector, SelectionKey.OP_READ, this);
            write();
        } else {
            key = ch.register(selector, SelectionKey.OP_CONNECT, this);
        }
    }

    void finishConnect() throws IOException {
        channel.finishConnect();
        write();
    }

    /** Writes what the socket takes of the pending request; asks for OP_WRITE while some is left. */
    void write() throws IOException {
        ByteBuffer out = pendingWrite;
        if (out != null) {
            channel.write(out);
            if (out.hasRemaining()) {
                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                return;
            }
            pendingWrite = null;
        }
        key.interestOps(SelectionKey.OP_READ);
    }

    /** Parses what can be read now, answers to {@code out}; true when the server closed its side. */
    boolean read(ByteBuffer buffer, Consumer<PollAnswer> out) throws IOException {
        while (true) {
            buffer.clear();
            int n = channel.read(buffer);
            if (n < 0) {
                return true;
            }
            if (n == 0) {
                return false;
            }
            buffer.flip();
            parser.feed(buffer, out);
            if (n < buffer.capacity()) {
                return false;
            }
        }
    }

    /** Cancels the key and closes the channel, either of which may be null; a broken socket is closed all the same. */
    static void close(SelectionKey key, SocketChannel channel) {
        if (key != null) {
            key.cancel();
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already broken
            }
        }
    }

    /** Closes the socket (if any) and forgets the partial answer; the next poll reconnects. */
    void closeChannel() {
        close(key, channel);
        channel = null;
        key = null;
        pendingWrite = null;
        parser.reset();
    }
}
