package io.ctimw.simulator;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;

/** One client connection: its protocol-version flag and the logins it is attached to. */
final class Connection {
    final int id;
    final WebSocket socket;
    final Set<String> attachedLogins = ConcurrentHashMap.newKeySet();
    volatile boolean versionSet;
    // Set on the socket thread when the peer goes, read on the model thread so no late attach sticks.
    volatile boolean closed;

    Connection(int id, WebSocket socket) {
        this.id = id;
        this.socket = socket;
    }

    /**
     * Queues a text frame; a peer that has just gone away is not an error worth propagating.
     * Returns false when the connection was no longer open (the frame was not queued).
     */
    boolean send(String text) {
        try {
            socket.send(text);
            return true;
        } catch (WebsocketNotConnectedException e) {
            return false; // The close callback will clean up this connection.
        }
    }

    @Override
    public String toString() {
        return "conn#" + id;
    }
}
