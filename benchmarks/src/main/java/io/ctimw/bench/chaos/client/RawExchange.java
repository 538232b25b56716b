package io.ctimw.bench.chaos.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * One request as raw bytes on a fresh connection, whatever they are (broken request lines, bad
 * headers, bodies that lie about their length), and the status of the first answer. Nothing here
 * assumes the bytes are valid HTTP: that is the point.
 */
public final class RawExchange {
    /** No status line came back: the server closed the connection first. */
    public static final int CLOSED = -1;
    /** No status line came back within the timeout. */
    public static final int TIMED_OUT = -2;
    /** The connection could not be opened. */
    public static final int REFUSED = -3;

    private RawExchange() {
    }

    /** Sends the bytes and returns the status of the first status line, or one of the negative codes. */
    public static int send(int port, byte[] request, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.setSoLinger(true, 0); // no TIME_WAIT pile-up over tens of thousands of connections
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            } catch (IOException e) {
                return REFUSED;
            }
            socket.setSoTimeout(timeoutMillis);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // the server may answer and close before reading everything: read what it said
            }
            return status(socket.getInputStream());
        } catch (SocketTimeoutException e) {
            return TIMED_OUT;
        } catch (IOException e) {
            return CLOSED;
        }
    }

    /** Parses {@code HTTP/1.x NNN} from the first line. */
    static int status(InputStream in) throws IOException {
        byte[] head = new byte[12];
        int n = 0;
        while (n < head.length) {
            int r = in.read(head, n, head.length - n);
            if (r < 0) {
                return CLOSED;
            }
            n += r;
        }
        String line = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!line.startsWith("HTTP/") || line.charAt(8) != ' ') {
            return CLOSED;
        }
        try {
            return Integer.parseInt(line.substring(9, 12));
        } catch (NumberFormatException e) {
            return CLOSED;
        }
    }
}
