package io.ctimw.simulator;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Java-WebSocket server: accepts only the NCC subprotocol, on any path, and feeds the pipeline. */
final class CtiWebSocketServer extends WebSocketServer {
    static final String SUBPROTOCOL = "nauphone-cti-protocol";
    private static final Logger LOG = LoggerFactory.getLogger(CtiWebSocketServer.class);

    private final Switchboard board;
    private final CommandProcessor processor;
    private final ModelThread model;
    private final Faults faults;
    private final AtomicInteger connectionIds = new AtomicInteger();
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Exception startFailure;

    CtiWebSocketServer(InetSocketAddress address, Switchboard board, CommandProcessor processor, ModelThread model,
                       Faults faults) {
        // Only this protocol in the list: a client that does not offer it fails the handshake.
        super(address, List.of(new Draft_6455(List.of(), List.of(new Protocol(SUBPROTOCOL)))));
        this.board = board;
        this.processor = processor;
        this.model = model;
        this.faults = faults;
        setReuseAddr(true);
        setDaemon(true);
    }

    /** Starts listening and returns once bound, or throws if binding failed. */
    void startAndWait() {
        start();
        try {
            if (!started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("simulator did not start within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        }
        if (startFailure != null) {
            throw new IllegalStateException("simulator failed to start: " + startFailure, startFailure);
        }
    }

    /** Closes every connection and the listener, waiting up to a second; keeps the interrupt flag. */
    void shutdown() {
        try {
            stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
        Connection connection = new Connection(connectionIds.incrementAndGet(), socket, faults);
        socket.setAttachment(connection);
        board.connected(connection);
        LOG.info("{} opened from {} path {}", connection, socket.getRemoteSocketAddress(),
                handshake.getResourceDescriptor());
    }

    @Override
    public void onMessage(WebSocket socket, String message) {
        Connection connection = socket.getAttachment();
        if (connection != null) {
            processor.onText(connection, message);
        }
    }

    @Override
    public void onMessage(WebSocket socket, ByteBuffer message) {
        // The protocol is text frames only; treat a binary frame like any unparseable message.
        Connection connection = socket.getAttachment();
        if (connection != null) {
            processor.onText(connection, "\u0000binary frame of " + message.remaining() + " bytes");
        }
    }

    /** Java-WebSocket answers pings itself; the fault switch lets a test see a silent peer declared dead. */
    @Override
    public void onWebsocketPing(WebSocket socket, Framedata ping) {
        if (faults.answersPing()) {
            super.onWebsocketPing(socket, ping);
        } else {
            LOG.debug("{} ping left unanswered", socket.<Connection>getAttachment());
        }
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
        Connection connection = socket.getAttachment();
        if (connection != null) {
            board.closing(connection);
            model.run(() -> board.disconnected(connection), Duration.ZERO);
            LOG.info("{} closed code={} reason='{}' by {}", connection, code, reason, remote ? "client" : "server");
        }
    }

    @Override
    public void onError(WebSocket socket, Exception ex) {
        if (socket == null) {
            // A server-level error before onStart means the bind failed.
            startFailure = ex;
            started.countDown();
            LOG.error("server error", ex);
        } else {
            LOG.warn("{} error: {}", socket.<Connection>getAttachment(), ex.toString());
        }
    }
}
