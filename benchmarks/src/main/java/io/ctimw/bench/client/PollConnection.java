package io.ctimw.bench.client;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/** One agent's persistent long-poll connection: its socket, parser, cursor and the request in flight. */
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
}
