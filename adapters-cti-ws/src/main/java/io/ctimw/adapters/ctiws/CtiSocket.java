package io.ctimw.adapters.ctiws;

import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.Protocol;

/**
 * One connection attempt to the CTI (Java-WebSocket client). It only forwards callbacks, tagged with
 * itself, so the gateway can ignore those of an attempt it has already given up on.
 */
final class CtiSocket extends WebSocketClient {
    /** What the gateway hears from a socket; called on that socket's reader thread. */
    interface Events {
        void onOpen(CtiSocket socket);

        void onText(CtiSocket socket, String text);

        void onBinary(CtiSocket socket, int bytes);

        void onClose(CtiSocket socket, int code, String reason, boolean remote);

        void onError(CtiSocket socket, Exception error);
    }

    private final Events events;
    private volatile boolean opened;
    private final CountDownLatch closed = new CountDownLatch(1);

    CtiSocket(CtiLinkSettings settings, Events events) {
        // A fresh draft per connection (it holds per-connection state); only our subprotocol, no extensions.
        super(settings.url(), new Draft_6455(List.of(), List.of(new Protocol(settings.subprotocol()))), Map.of(),
                (int) settings.connectTimeout().toMillis());
        this.events = events;
        setConnectionLostTimeout(settings.pingPeriodSeconds());
        setDaemon(true);
        setTcpNoDelay(true);
    }

    /** Gives up on an attempt that hangs (e.g. a handshake that never completes): closes the TCP socket too. */
    void abort(String reason) {
        closeConnection(1006, reason);
        Socket raw = getSocket();
        if (raw != null) {
            try {
                raw.close();
            } catch (IOException e) {
                // Already broken: nothing more to release.
            }
        }
    }

    /**
     * Asks the CTI to close and keeps reading until it has: the frames it sent before it saw our close
     * frame are still delivered. ({@code close()} would stop decoding at once, and the CTI, which keeps
     * no history, counts those events as sent.) Falls back to {@code close()} if the frame cannot go.
     */
    void closeAfterPeer(int code, String reason) {
        try {
            CloseFrame frame = new CloseFrame();
            frame.setCode(code);
            frame.setReason(reason);
            frame.isValid();
            sendFrame(frame);
        } catch (InvalidDataException | WebsocketNotConnectedException e) {
            close(code, reason);
        }
    }

    /** True once the handshake completed: tells a dropped link from an attempt that never got through. */
    boolean wasOpened() {
        return opened;
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        opened = true;
        events.onOpen(this);
    }

    @Override
    public void onMessage(String message) {
        events.onText(this, message);
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
        events.onBinary(this, bytes.remaining());
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        try {
            events.onClose(this, code, reason, remote);
        } finally {
            closed.countDown(); // after every frame before the close was delivered, on this same reader thread
        }
    }

    /** Waits at most {@code timeout} for this connection's close to be delivered; false if it was not. */
    boolean awaitClosed(Duration timeout) {
        try {
            return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void onError(Exception error) {
        events.onError(this, error);
    }
}
