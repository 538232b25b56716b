package io.ctimw.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PollSelectorLoopTest {
    private final BlockingQueue<String> reports = new LinkedBlockingQueue<>();
    private final PollSelectorLoop.Handler handler = new PollSelectorLoop.Handler() {
        @Override
        public void answered(PollConnection c, PollAnswer answer) {
            c.after = answer.cursor();
            reports.add("answered " + answer.status() + " " + answer.cursor() + " " + answer.body());
        }

        @Override
        public void failed(PollConnection c, String what) {
            reports.add("failed " + what);
        }
    };

    @Test
    void pollsOverOneKeepAliveConnectionAndReportsTheServerClosingIt() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             PollSelectorLoop loop = new PollSelectorLoop("test-poll", server.getLocalPort(), 1, handler)) {
            PollConnection c = loop.connection(new Agent("agent1", "tok"));
            loop.execute(() -> loop.poll(c));
            try (Socket s = server.accept()) {
                String first = requestHead(s.getInputStream());
                assertTrue(first.startsWith("GET /api/v1/events?wait=1&limit=1000 HTTP/1.1\r\n"), first);
                assertTrue(first.contains("Authorization: Bearer tok\r\n"), first);
                write(s.getOutputStream(), "HTTP/1.1 200 OK\r\nX-Cursor: 7\r\nContent-Length: 2\r\n\r\n[]");
                assertEquals("answered 200 7 []", reports.poll(10, TimeUnit.SECONDS));

                loop.execute(() -> loop.poll(c));
                String second = requestHead(s.getInputStream()); // the same socket: keep-alive
                assertTrue(second.startsWith("GET /api/v1/events?wait=1&after=7&limit=1000 "), second);
            }
            assertEquals("failed connection closed by the server", reports.poll(10, TimeUnit.SECONDS));
        }
    }

    private static String requestHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed mid-request: " + head);
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
