package io.ctimw.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A minimal CTI client for tests on the JDK WebSocket: sends commands, queues every text frame. */
final class TestClient implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10); // generous: CI machines here run many builds at once
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final WebSocket socket;
    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final AtomicInteger rids = new AtomicInteger();
    final AtomicInteger pongs = new AtomicInteger();

    private TestClient(String url, String... subprotocols) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        this.socket = builder.buildAsync(URI.create(url), new Listener()).join();
    }

    static TestClient connect(String url) {
        return new TestClient(url, CtiWebSocketServer.SUBPROTOCOL);
    }

    static TestClient connectWith(String url, String... subprotocols) {
        return new TestClient(url, subprotocols);
    }

    /** Connects, sets protocol version 13 and checks the Ok. */
    static TestClient ready(String url) {
        TestClient client = connect(url);
        String rid = client.command("SetProtocolVersion", "protocolVersion", "13");
        client.expectReply(rid, "Ok");
        return client;
    }

    /** Connects, sets the version, attaches and consumes the attach sequence. */
    static TestClient attached(String url, String login) {
        TestClient client = ready(url);
        client.attach(login);
        return client;
    }

    void attach(String login) {
        String rid = command("AttachToUser", "login", login);
        expectReply(rid, "Ok");
        JsonNode state = next();
        assertEquals("UserState", state.path("name").asText());
        if (!"offline".equals(state.path("state").asText())) {
            assertEquals("Calls", next().path("name").asText());
            assertEquals("Conferences", next().path("name").asText());
        }
    }

    WebSocket socket() {
        return socket;
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    /**
     * The close code once the connection is gone. If the loss has not been noticed within a second, one
     * write is attempted: a peer that has closed answers it with a reset, which every client notices
     * (the JDK client was seen to miss a bare FIN while the machine was heavily loaded).
     */
    int awaitClosed() throws Exception {
        try {
            return closed.get(1, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            socket.sendText("{}", true).exceptionally(error -> null);
            return closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void ping() {
        socket.sendPing(java.nio.ByteBuffer.wrap(new byte[] {1})).join();
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    /** Sends {name, rid, fields...} (fields as key, value pairs) and returns the rid. */
    String command(String name, Object... fields) {
        String rid = "r" + rids.incrementAndGet();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("rid", rid);
        node.put("name", name);
        for (int i = 0; i < fields.length; i += 2) {
            node.set((String) fields[i], MAPPER.valueToTree(fields[i + 1]));
        }
        send(node.toString());
        return rid;
    }

    String nextText() {
        try {
            String text = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (text == null) {
                fail("no message within " + WAIT);
            }
            return text;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    JsonNode next() {
        try {
            return MAPPER.readTree(nextText());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The next message must be the reply to rid with this name. */
    JsonNode expectReply(String rid, String name) {
        JsonNode reply = next();
        assertEquals(rid, reply.path("rid").asText(null), () -> "reply " + reply);
        assertEquals(name, reply.path("name").asText(), () -> "reply " + reply);
        return reply;
    }

    /** The next message must be an event (no rid) of this name. */
    JsonNode expectEvent(String name) {
        JsonNode event = next();
        assertEquals(name, event.path("name").asText(), () -> "event " + event);
        assertEquals(false, event.has("rid"), () -> "event with rid " + event);
        return event;
    }

    /** Proves nothing was queued before: a fresh GetUserState's reply must be the very next message. */
    void expectNothingBefore(String login) {
        String rid = command("GetUserState", "login", login);
        expectReply(rid, "UserState");
    }

    int pending() {
        return frames.size();
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, java.nio.ByteBuffer message) {
            pongs.incrementAndGet();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
