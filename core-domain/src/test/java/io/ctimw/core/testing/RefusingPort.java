package io.ctimw.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port that refuses connections for as long as this is open: a socket bound to port 0
 * (the kernel's pick, read back) that never listens. Holding the bind keeps anything else from
 * taking the port, unlike picking a free port and closing it before use.
 */
public final class RefusingPort implements AutoCloseable {
    private final Socket held = new Socket();

    public RefusingPort() {
        try {
            held.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return held.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        held.close();
    }
}
