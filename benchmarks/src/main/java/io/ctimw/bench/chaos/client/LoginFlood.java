package io.ctimw.bench.chaos.client;

import io.ctimw.bench.client.HttpResponseReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * N keep-alive connections each sending wrong-password logins back to back (closed loop), half for a real
 * login (its stored hash at the production bcrypt cost) and half for logins that do not exist.
 */
public final class LoginFlood implements Attack {
    private final StatusCounts answers = new StatusCounts();
    private final List<Thread> threads = new ArrayList<>();
    private final int connections;
    private volatile boolean running = true;

    public LoginFlood(int port, int connections, String victimLogin) {
        this.connections = connections;
        for (int i = 0; i < connections; i++) {
            String login = i % 2 == 0 ? victimLogin : "nobody-" + i;
            String body = "{\"login\":\"" + login + "\",\"password\":\"wrong-" + i + "\"}";
            byte[] request = ("POST /api/v1/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
            Thread t = new Thread(() -> loop(port, request), "login-flood-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    private void loop(int port, byte[] request) {
        while (running) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                socket.setSoTimeout(15_000);
                OutputStream out = socket.getOutputStream();
                InputStream in = new BufferedInputStream(socket.getInputStream());
                while (running) {
                    out.write(request);
                    out.flush();
                    answers.add(HttpResponseReader.readResponse(in));
                }
            } catch (IOException e) {
                answers.add(RawExchange.CLOSED);
            }
        }
    }

    @Override
    public String describe() {
        return connections + " connections of wrong-password logins, back to back";
    }

    @Override
    public StatusCounts answers() {
        return answers;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(20_000);
        }
    }
}
