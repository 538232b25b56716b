package io.ctimw.bench.client;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop request-rate meter on plain keep-alive sockets: each connection sends the same GET
 * again as soon as the previous answer is read. Far cheaper per request than {@code HttpClient}, so
 * on a shared 2-core box the server, not the client, sets the ceiling.
 */
public final class RawHttpLoop {
    /** Requests answered with an expected status and the rest, over one timed run. */
    public record Result(long ok, long failed, double seconds) {
        public double perSecond() {
            return ok / seconds;
        }
    }

    private final int port;

    public RawHttpLoop(int port) {
        this.port = port;
    }

    /** One request text per connection (e.g. each with its own agent's token); runs them all for {@code millis}. */
    public Result run(List<String> requests, long millis, int expectedStatusA, int expectedStatusB)
            throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long deadline = System.nanoTime() + millis * 1_000_000L;
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (String request : requests) {
            byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
            Thread t = new Thread(() -> loop(bytes, deadline, ok, failed, expectedStatusA, expectedStatusB), "raw-http");
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return new Result(ok.get(), failed.get(), (System.nanoTime() - start) / 1e9);
    }

    /** A keep-alive GET, with a bearer token when one is given. */
    public String get(String path, String token) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
    }

    private void loop(byte[] request, long deadline, AtomicLong ok, AtomicLong failed, int statusA, int statusB) {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16384);
            while (System.nanoTime() < deadline) {
                out.write(request);
                out.flush();
                int status = HttpResponseReader.readResponse(in);
                if (status == statusA || status == statusB) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
            }
        } catch (IOException e) {
            failed.incrementAndGet();
        }
    }
}
