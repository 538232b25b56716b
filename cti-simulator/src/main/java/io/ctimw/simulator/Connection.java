package io.ctimw.simulator;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;

/** One client connection: its protocol-version flag, the logins it is attached to, and its outgoing frames. */
final class Connection {
    /** What a client gets between real frames while malformed frames are switched on. */
    static final String MALFORMED_FRAME = "this is not JSON {";

    final int id;
    final WebSocket socket;
    final Set<String> attachedLogins = ConcurrentHashMap.newKeySet();
    volatile boolean versionSet;
    // Set on the socket thread when the peer goes, read on the model thread so no late attach sticks.
    volatile boolean closed;
    private final Faults faults;
    private String held; // while reordering: the first frame of a pair, sent after the second; guarded by this

    Connection(int id, WebSocket socket, Faults faults) {
        this.id = id;
        this.socket = socket;
        this.faults = faults;
    }

    /**
     * Queues a text frame, shaped by the frame faults that are on (reorder, malformed frames).
     * Returns false when the connection was no longer open (the frame was not queued).
     */
    synchronized boolean send(String text) {
        if (held != null) {
            boolean sent = raw(text);
            raw(held);
            held = null;
            return sent;
        } else if (faults.isOn(Faults.Switch.REORDER_FRAMES)) {
            held = text;
            return socket.isOpen();
        }
        return raw(text);
    }

    /** Sends a frame held back for reordering, if any (reordering was switched off). */
    synchronized void flush() {
        if (held != null) {
            raw(held);
            held = null;
        }
    }

    /**
     * A peer that has just gone away is not an error worth propagating. The send holds the socket's
     * monitor, which Java-WebSocket's close handling also holds: a frame is either queued before the
     * close frame (and so reaches the peer) or refused, never queued behind it and counted as sent.
     */
    private boolean raw(String text) {
        synchronized (socket) {
            try {
                if (!socket.isOpen()) {
                    return false;
                }
                if (faults.isOn(Faults.Switch.MALFORMED_FRAMES)) {
                    socket.send(MALFORMED_FRAME);
                }
                socket.send(text);
                return true;
            } catch (WebsocketNotConnectedException e) {
                return false; // The close callback will clean up this connection.
            }
        }
    }

    @Override
    public String toString() {
        return "conn#" + id;
    }
}
