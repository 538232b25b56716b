package io.ctimw.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tiny HTTP control port for scripts: {@code curl -d 'pings off' http://HOST:PORT/control} runs one
 * {@link ControlCommands} command (200 "ok", or 400 with the usage); GET lists the commands. No
 * authentication: bind it to loopback.
 */
final class ControlServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);
    private static final int MAX_BODY = 4096;

    private final HttpServer server;
    private final ControlCommands commands;

    private ControlServer(HttpServer server, ControlCommands commands) {
        this.server = server;
        this.commands = commands;
    }

    /** Binds (port 0 = any free port; read it back with {@link #port()}) and serves. */
    static ControlServer start(String host, int port, CtiSimulator simulator) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 0);
            ControlServer control = new ControlServer(http, new ControlCommands(simulator));
            http.createContext("/control", control::handle);
            http.start();
            LOG.info("CTI simulator control: POST a command to http://{}:{}/control", host, control.port());
            return control;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the control port " + host + ":" + port, e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("GET".equals(exchange.getRequestMethod())) {
                respond(exchange, 200, ControlCommands.HELP);
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "use POST with a command, or GET for the list\n");
                return;
            }
            String command = body(exchange.getRequestBody());
            try {
                commands.run(command);
                LOG.info("control: {}", command.trim());
                respond(exchange, 200, "ok\n");
            } catch (IllegalArgumentException e) {
                respond(exchange, 400, e.getMessage() + "\n");
            }
        }
    }

    private static String body(InputStream in) throws IOException {
        return new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
