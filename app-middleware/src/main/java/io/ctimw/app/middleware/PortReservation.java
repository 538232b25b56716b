package io.ctimw.app.middleware;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Holds the HTTP port from the first moment of the start, so a second instance on a taken port
 * fails before it starts PostgreSQL, connects to the CTI or writes anything. Released right before
 * the HTTP server binds the same address.
 */
final class PortReservation implements AutoCloseable {
    private final ServerSocket socket;

    private PortReservation(ServerSocket socket) {
        this.socket = socket;
    }

    /** Binds {@code host:port}; port 0 (a random port, for tests) cannot be taken and reserves nothing. */
    static PortReservation take(String host, int port) {
        if (port == 0) {
            return new PortReservation(null);
        }
        ServerSocket socket = null;
        try {
            socket = new ServerSocket();
            socket.setReuseAddress(true); // as Jetty does, so it can bind right after we let go
            socket.bind(new InetSocketAddress(host, port), 1);
            return new PortReservation(socket);
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw new StartupException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException e) {
            // nothing was accepted on it; a failed close leaves nothing to clean up
        }
    }
}
