package io.ctimw.bench.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The agent API as the benchmark uses it, on one {@link HttpClient} (HTTP/1.1, async, keep-alive):
 * one client multiplexes thousands of connections on a selector thread, so 10,000 open long-polls
 * cost 10,000 sockets and no threads.
 */
public final class MiddlewareHttp {
    private static final int LOGIN_BUSY_RETRIES = 600;
    private static final long LOGIN_BUSY_PAUSE_MILLIS = 50;
    private final HttpClient client;
    private final String base;
    private final int port;

    public MiddlewareHttp(int port, Executor callbacks) {
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(callbacks)
                .build();
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return base;
    }

    /** POST /api/v1/login; completes with the token, or fails with the status and body. */
    public CompletableFuture<String> login(String login, String password) {
        return login(login, password, LOGIN_BUSY_RETRIES);
    }

    /**
     * A login the middleware turns away as busy (503: its password checks are all taken, globally or
     * for this address) is retried after a short pause, as a well-behaved client does; anything else
     * that is not 200 fails.
     */
    private CompletableFuture<String> login(String login, String password, int retriesLeft) {
        String body = "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/login"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(r -> {
            if (r.statusCode() == 503 && retriesLeft > 0) {
                Executor later = CompletableFuture.delayedExecutor(LOGIN_BUSY_PAUSE_MILLIS, TimeUnit.MILLISECONDS);
                return CompletableFuture.supplyAsync(() -> null, later)
                        .thenCompose(x -> login(login, password, retriesLeft - 1));
            }
            if (r.statusCode() != 200) {
                throw new IllegalStateException("login " + login + " -> " + r.statusCode() + " " + r.body());
            }
            return CompletableFuture.completedFuture(stringField(r.body(), "token"));
        });
    }

    /** GET /api/v1/events; {@code after} < 0 means "from the session's position". */
    public CompletableFuture<HttpResponse<String>> events(String token, long after, int waitSeconds) {
        String query = "wait=" + waitSeconds + (after >= 0 ? "&after=" + after : "") + "&limit=1000";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/events?" + query))
                .timeout(Duration.ofSeconds(waitSeconds + 30L))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** POST /api/v1/control with a JSON command. */
    public CompletableFuture<HttpResponse<String>> control(String token, String commandJson) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/control"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(commandJson))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A GET without credentials (health, ready). */
    public CompletableFuture<HttpResponse<String>> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The value of a top-level string member in a small, trusted JSON object (no escapes expected). */
    static String stringField(String json, String name) {
        String key = "\"" + name + "\":\"";
        int at = json.indexOf(key);
        if (at < 0) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        int start = at + key.length();
        int end = json.indexOf('"', start);
        return json.substring(start, end);
    }
}
