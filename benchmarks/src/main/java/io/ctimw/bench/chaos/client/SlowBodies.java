package io.ctimw.bench.chaos.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * N connections that each announce a 4 KiB JSON body and then send it one byte per second (a slowloris on
 * the body): half to the open {@code /api/v1/login}, half to {@code /api/v1/control} with a valid token.
 */
public final class SlowBodies implements Attack {
    private static final int DECLARED = 4096;

    private final StatusCounts answers = new StatusCounts();
    private final List<Socket> sockets = new ArrayList<>();
    private final Thread dribbler;
    private final int connections;
    private volatile boolean running = true;

    public SlowBodies(int port, int connections, String token) throws IOException {
        this.connections = connections;
        for (int i = 0; i < connections; i++) {
            String path = i % 2 == 0 ? "/api/v1/login" : "/api/v1/control";
            Socket s = new Socket();
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + (i % 2 == 0 ? "" : "Authorization: Bearer " + token + "\r\n")
                    + "Content-Length: " + DECLARED + "\r\n\r\n{";
            s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            sockets.add(s);
        }
        dribbler = new Thread(this::dribble, "slow-bodies");
        dribbler.setDaemon(true);
        dribbler.start();
    }

    private void dribble() {
        for (int sent = 1; running && sent < DECLARED; sent++) {
            for (Socket s : sockets) {
                if (!s.isClosed()) {
                    try {
                        s.getOutputStream().write(' ');
                    } catch (IOException e) {
                        answers.add(RawExchange.CLOSED); // the server hung up on it (e.g. an idle timeout)
                        close(s);
                    }
                }
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public String describe() {
        return connections + " connections sending a 4 KiB body at 1 byte/s (half login, half control)";
    }

    @Override
    public StatusCounts answers() {
        return answers;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        dribbler.interrupt();
        dribbler.join(5000);
        sockets.forEach(SlowBodies::close);
    }
}
