package io.ctimw.bench.client;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.Protocol;

/**
 * A bare NCC CTI client straight on the simulator's WebSocket: the baseline for command overhead,
 * since its round trip is the simulator's own reply time with no middleware in between.
 */
public final class RawCtiClient implements AutoCloseable {
    private final Socket socket;
    private final Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
    private final AtomicLong rids = new AtomicLong();

    public RawCtiClient(String url) throws InterruptedException {
        this.socket = new Socket(URI.create(url));
        if (!socket.connectBlocking(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("cannot connect to the simulator at " + url);
        }
    }

    /** SetProtocolVersion 13 and AttachToUser, waiting for each Ok. */
    public void attach(String login) throws Exception {
        expectOk(send("{\"name\":\"SetProtocolVersion\",\"protocolVersion\":\"13\",\"rid\":\"%s\"}"));
        expectOk(send("{\"name\":\"AttachToUser\",\"login\":\"" + login + "\",\"rid\":\"%s\"}"));
    }

    private static void expectOk(CompletableFuture<String> reply) throws Exception {
        String text = reply.get(10, TimeUnit.SECONDS);
        if (!text.contains("\"Ok\"")) {
            throw new IllegalStateException("simulator refused: " + text);
        }
    }

    /** Sends a command; {@code template} has one {@code %s} where the rid goes. Completes with the reply. */
    public CompletableFuture<String> send(String template) {
        String rid = "b" + rids.incrementAndGet();
        CompletableFuture<String> reply = new CompletableFuture<>();
        pending.put(rid, reply);
        socket.send(String.format(template, rid));
        return reply;
    }

    @Override
    public void close() throws InterruptedException {
        socket.closeBlocking();
    }

    private final class Socket extends WebSocketClient {
        Socket(URI uri) {
            super(uri, new Draft_6455(List.of(), List.of(new Protocol("nauphone-cti-protocol"))));
            setConnectionLostTimeout(0);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
        }

        @Override
        public void onMessage(String message) {
            // Events carry no rid; replies echo ours.
            String rid = ridOf(message);
            if (rid != null) {
                CompletableFuture<String> reply = pending.remove(rid);
                if (reply != null) {
                    reply.complete(message);
                }
            }
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("closed: " + reason)));
        }

        @Override
        public void onError(Exception ex) {
        }
    }

    static String ridOf(String message) {
        int at = message.indexOf("\"rid\":\"");
        if (at < 0) {
            return null;
        }
        int start = at + 7;
        int end = message.indexOf('"', start);
        return end < 0 ? null : message.substring(start, end);
    }
}
