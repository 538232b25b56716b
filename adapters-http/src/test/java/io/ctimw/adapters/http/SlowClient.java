package io.ctimw.adapters.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A raw HTTP/1.1 client that announces a body and sends only its first bytes, the way a slow-body
 * (slowloris-style) attacker does; it can then read whatever the server answers.
 */
final class SlowClient implements AutoCloseable {
    private final Socket socket;

    SlowClient(int port, String path, String extraHeaders, int contentLength, String firstBytes) {
        try {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(10_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n"
                    + extraHeaders + "Content-Length: " + contentLength + "\r\n\r\n" + firstBytes;
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SlowClient control(int port, String token) {
        return new SlowClient(port, "/api/v1/control", "Authorization: Bearer " + token + "\r\n", 1000, "{\"na");
    }

    static SlowClient login(int port) {
        return new SlowClient(port, "/api/v1/login", "", 1000, "{\"lo");
    }

    /** Bytes the server has sent so far, without waiting. */
    int available() {
        try {
            return socket.getInputStream().available();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Everything the server sends until it closes the connection (it does after its answer: Connection: close). */
    String readAnswer() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            return out.toString(StandardCharsets.UTF_8) + "\n<no more within 10 s>";
        } catch (IOException e) {
            return out.toString(StandardCharsets.UTF_8) + "\n<" + e + ">";
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
