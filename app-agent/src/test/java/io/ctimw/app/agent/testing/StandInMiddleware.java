package io.ctimw.app.agent.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A stand-in for the middleware's HTTP API on a loopback port chosen by the OS: records every request,
 * long-polls events, and can be stopped and restarted on the same port to play an outage.
 */
public final class StandInMiddleware implements AutoCloseable {
    public static final String PASSWORD = "secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the stand-in saw it, body already gunzipped. */
    public record Recorded(String method, String path, Map<String, String> query, Map<String, List<String>> headers,
                           byte[] rawBody, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    /** A canned answer for POST /control. */
    public record Reply(int status, String contentType, String body) {
        public static Reply ok(String command) {
            return new Reply(200, "application/json", "{\"name\":\"Ok\",\"command\":\"" + command + "\"}");
        }

        public static Reply problem(int status, String title, String detail, String extra) {
            return new Reply(status, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"" + title
                    + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"" + (extra == null ? "" : "," + extra) + "}");
        }
    }

    public final List<Recorded> requests = new CopyOnWriteArrayList<>();
    public final Set<String> tokens = ConcurrentHashMap.newKeySet();
    public volatile boolean gzipResponses;
    /** Serve GET /api/v1/events/stream (else 404, as an older middleware). */
    public volatile boolean streams;
    /** When positive, each stream ends with reason slow-consumer after this many events. */
    public volatile int endStreamAfter;
    public volatile long sessionCursor;
    /** The body of GET /api/v1/state. */
    public volatile String state = "{\"cursor\":0,\"userState\":null,\"calls\":[],\"phone\":\"available\"}";
    public volatile Function<JsonNode, Reply> control = body -> Reply.ok(body.path("name").asText());
    /** How many of the next control requests are recorded, then dropped unanswered (the connection closes). */
    public final java.util.concurrent.atomic.AtomicInteger dropControls = new java.util.concurrent.atomic.AtomicInteger();
    private final List<ObjectNode> events = new ArrayList<>();
    private final int port;
    private HttpServer server;
    private ExecutorService executor;
    private volatile boolean running;

    public StandInMiddleware() throws IOException {
        start(0);
        this.port = server.getAddress().getPort();
    }

    public String address() {
        return "http://127.0.0.1:" + port;
    }

    /** Restarts on the port it had before (an outage, not a move). */
    public void start() throws IOException {
        start(port);
    }

    public void stop() {
        running = false;
        synchronized (events) {
            events.notifyAll();
        }
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public void close() {
        if (running) {
            stop();
        }
    }

    /** Appends an event with the next cursor and wakes long polls. */
    public void publish(String json) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(json);
        synchronized (events) {
            event.put("_cursor", events.size() + 1L);
            event.put("_receivedAt", Instant.parse("2026-11-21T10:00:00Z").plusSeconds(events.size()).toString());
            events.add(event);
            events.notifyAll();
        }
    }

    public List<Recorded> requestsTo(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void start(int onPort) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/api/v1/", this::handle);
        running = true;
        server.start();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Recorded r = record(ex);
            String path = r.path();
            if (path.equals("/api/v1/login")) {
                JsonNode body = r.json();
                if (!PASSWORD.equals(body.path("password").asText())) {
                    send(ex, Reply.problem(401, "Unauthorized", "wrong login or password", null));
                    return;
                }
                String token = "tok-" + body.path("login").asText();
                tokens.add(token);
                send(ex, new Reply(200, "application/json", "{\"token\":\"" + token + "\",\"login\":\""
                        + body.path("login").asText() + "\",\"expiresAt\":\"2026-11-22T10:00:00Z\"}"));
                return;
            }
            String auth = r.header("Authorization");
            if (auth == null || !tokens.contains(auth.replaceFirst("^Bearer ", ""))) {
                send(ex, Reply.problem(401, "Unauthorized", "no session or session expired", null));
                return;
            }
            switch (path) {
                case "/api/v1/logout" -> {
                    tokens.remove(auth.replaceFirst("^Bearer ", ""));
                    send(ex, new Reply(204, null, ""));
                }
                case "/api/v1/session" -> send(ex, new Reply(200, "application/json",
                        "{\"login\":\"agent1\",\"createdAt\":\"2026-11-21T09:00:00Z\",\"expiresAt\":\"2026-11-22T10:00:00Z\","
                                + "\"cursor\":" + sessionCursor + "}"));
                case "/api/v1/events" -> events(ex, r);
                case "/api/v1/events/stream" -> {
                    if (streams) {
                        stream(ex, r);
                    } else {
                        send(ex, Reply.problem(404, "Not Found", "no route " + path, null));
                    }
                }
                case "/api/v1/state" -> send(ex, new Reply(200, "application/json", state));
                case "/api/v1/control" -> {
                    if (dropControls.getAndUpdate(n -> Math.max(0, n - 1)) == 0) {
                        send(ex, control.apply(r.json()));
                    } // else: closing the exchange unanswered closes the connection: the client gets no reply
                }
                default -> send(ex, Reply.problem(404, "Not Found", "no route " + path, null));
            }
        }
    }

    private void events(HttpExchange ex, Recorded r) throws IOException {
        long after = Long.parseLong(r.query().getOrDefault("after", "0"));
        long deadline = System.currentTimeMillis() + 1000L * Integer.parseInt(r.query().getOrDefault("wait", "0"));
        ArrayNode out = JSON.createArrayNode();
        synchronized (events) {
            while (running) {
                events.stream().filter(e -> e.get("_cursor").asLong() > after).forEach(out::add);
                long left = deadline - System.currentTimeMillis();
                if (!out.isEmpty() || left <= 0) {
                    break;
                }
                try {
                    events.wait(left);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
        if (out.isEmpty()) {
            send(ex, new Reply(204, null, ""));
            return;
        }
        ex.getResponseHeaders().add("X-Cursor", out.get(out.size() - 1).get("_cursor").asText());
        send(ex, new Reply(200, "application/json", out.toString()));
    }

    /** Server-sent events after {@code after}, as they are published, until stopped (or endStreamAfter). */
    private void stream(HttpExchange ex, Recorded r) throws IOException {
        long after = Long.parseLong(r.query().getOrDefault("after", "0"));
        ex.getResponseHeaders().add("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        java.io.OutputStream out = ex.getResponseBody();
        out.write(": hb\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        int sent = 0;
        synchronized (events) {
            while (running) {
                for (ObjectNode e : events) {
                    long cursor = e.get("_cursor").asLong();
                    if (cursor <= after) {
                        continue;
                    }
                    out.write(("id: " + cursor + "\ndata: " + e + "\n\n").getBytes(StandardCharsets.UTF_8));
                    after = cursor;
                    if (++sent == endStreamAfter) {
                        out.write("event: end\ndata: {\"reason\":\"slow-consumer\"}\n\n".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        return;
                    }
                }
                out.flush();
                try {
                    events.wait(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private Recorded record(HttpExchange ex) throws IOException {
        byte[] raw = ex.getRequestBody().readAllBytes();
        boolean gz = "gzip".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Content-Encoding"));
        byte[] plain = gz ? new GZIPInputStream(new ByteArrayInputStream(raw)).readAllBytes() : raw;
        Map<String, String> query = new ConcurrentHashMap<>();
        String q = ex.getRequestURI().getRawQuery();
        if (q != null) {
            for (String pair : q.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        Recorded r = new Recorded(ex.getRequestMethod(), ex.getRequestURI().getPath(), Map.copyOf(query),
                Map.copyOf(ex.getRequestHeaders()), raw, new String(plain, StandardCharsets.UTF_8));
        requests.add(r);
        return r;
    }

    private void send(HttpExchange ex, Reply reply) throws IOException {
        if (reply.status() == 204 || reply.body().isEmpty()) {
            ex.sendResponseHeaders(reply.status(), -1);
            return;
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        String accept = ex.getRequestHeaders().getFirst("Accept-Encoding");
        if (gzipResponses && accept != null && accept.contains("gzip")) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
                gz.write(body);
            }
            body = bytes.toByteArray();
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
        }
        ex.getResponseHeaders().add("Content-Type", reply.contentType());
        ex.sendResponseHeaders(reply.status(), body.length);
        ex.getResponseBody().write(body);
    }
}
