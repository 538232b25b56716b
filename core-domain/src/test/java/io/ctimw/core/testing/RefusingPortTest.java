package io.ctimw.core.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.BindException;
import org.junit.jupiter.api.Test;

/** The held port refuses connections and cannot be taken by a server while held. */
class RefusingPortTest {
    @Test
    void refusesConnectionsAndCannotBeTaken() throws Exception {
        try (RefusingPort refusing = new RefusingPort(); Socket client = new Socket(); ServerSocket server = new ServerSocket()) {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), refusing.port());
            assertThrows(ConnectException.class, () -> client.connect(address, 5_000));
            assertThrows(BindException.class, () -> server.bind(address));
        }
    }
}
