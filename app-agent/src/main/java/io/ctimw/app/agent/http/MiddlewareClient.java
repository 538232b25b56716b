package io.ctimw.app.agent.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The middleware's HTTP API as Java calls: bearer auth, gzip both ways, JSON in and out.
 * Error statuses become {@link ProblemException}; no answer at all becomes {@link UnreachableException}.
 */
public final class MiddlewareClient {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final String API = "/api/v1";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final URI address;
    private final HttpClient http;
    private final ObjectMapper json;
    private final String userAgent;
    private final Supplier<String> idempotencyKeys;

    public MiddlewareClient(URI address, HttpClient http, ObjectMapper json, String userAgent) {
        this(address, http, json, userAgent, () -> UUID.randomUUID().toString());
    }

    /** @param idempotencyKeys a fresh key for each command (a retry of it reuses its key) */
    public MiddlewareClient(URI address, HttpClient http, ObjectMapper json, String userAgent,
                            Supplier<String> idempotencyKeys) {
        this.address = address;
        this.http = http;
        this.json = json;
        this.userAgent = userAgent;
        this.idempotencyKeys = idempotencyKeys;
    }

    /** The client settings the agent uses in production: HTTP/1.1 (no h2c upgrade dance), short connect. */
    public static HttpClient defaultHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public URI address() {
        return address;
    }

    public LoginReply login(String login, String password) {
        ObjectNode body = json.createObjectNode().put("login", login).put("password", password);
        JsonNode reply = send(post("/login", null, body), REQUEST_TIMEOUT).body();
        return new LoginReply(reply.path("token").asText(), reply.path("login").asText(login),
                reply.path("expiresAt").asText(null));
    }

    public void logout(String token) {
        send(post("/logout", token, null), REQUEST_TIMEOUT);
    }

    public JsonNode session(String token) {
        return send(request("/session", token).GET(), REQUEST_TIMEOUT).body();
    }

    /** The caller's state snapshot: cursor, userState, calls, phone. */
    public JsonNode state(String token) {
        return send(request("/state", token).GET(), REQUEST_TIMEOUT).body();
    }

    /** Long-polls for events after {@code after} (null: where the server's session left off). */
    public EventBatch events(String token, Long after, int waitSeconds, int limit) {
        StringBuilder path = new StringBuilder("/events?wait=").append(waitSeconds).append("&limit=").append(limit);
        if (after != null) {
            path.append("&after=").append(URLEncoder.encode(after.toString(), StandardCharsets.UTF_8));
        }
        Reply reply = send(request(path.toString(), token).GET(), REQUEST_TIMEOUT.plusSeconds(waitSeconds));
        if (reply.status() == 204 || reply.body() == null || !reply.body().isArray()) {
            return new EventBatch(List.of(), reply.cursorHeader());
        }
        List<JsonNode> events = new ArrayList<>();
        reply.body().forEach(events::add);
        return new EventBatch(events, reply.cursorHeader());
    }

    /**
     * Streams events after {@code after} (null: where the session left off) to {@code sink} as they come,
     * until the middleware ends the stream: returns its reason ({@code slow-consumer}, {@code shutdown} ...),
     * empty when the connection just closed. {@code opened} gets the open body (close it to stop). A
     * middleware without the stream answers 404: a {@link ProblemException} with that status.
     */
    public Optional<String> stream(String token, Long after, Consumer<JsonNode> sink, Consumer<Closeable> opened) {
        String path = "/events/stream" + (after == null ? "" : "?after=" + after);
        HttpRequest request = request(path, token).setHeader("Accept", "text/event-stream, application/problem+json")
                .timeout(REQUEST_TIMEOUT).GET().build();
        return EventStreamCall.run(http, address, request, (response, raw) -> ProblemParser.parse(json, response, raw),
                this::parse, sink, opened);
    }

    /**
     * Sends one control command; returns the middleware's reply (Ok or a data reply, with its
     * {@code commandId}). When no answer comes at all, the command may or may not have run: it is sent
     * once more under the same {@code Idempotency-Key}, which the middleware answers with the first
     * attempt's outcome instead of running it twice.
     */
    public JsonNode control(String token, ObjectNode command) {
        String key = idempotencyKeys.get();
        try {
            return send(post("/control", token, command).header(IDEMPOTENCY_KEY, key), REQUEST_TIMEOUT).body();
        } catch (UnreachableException noAnswer) {
            return send(post("/control", token, command).header(IDEMPOTENCY_KEY, key), REQUEST_TIMEOUT).body();
        }
    }

    private HttpRequest.Builder post(String path, String token, ObjectNode body) {
        HttpRequest.Builder b = request(path, token);
        if (body == null) {
            return b.POST(HttpRequest.BodyPublishers.noBody());
        }
        byte[] plain = writeBytes(body);
        return b.header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Gzip.compress(plain)));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(address + API + path))
                .header("Accept", "application/json, application/problem+json")
                .header("Accept-Encoding", "gzip")
                .header("User-Agent", userAgent);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Reply send(HttpRequest.Builder builder, Duration timeout) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(builder.timeout(timeout).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while talking to " + address);
        } catch (IOException e) {
            throw new UnreachableException(address, e);
        }
        byte[] body = decoded(response);
        if (response.statusCode() >= 400) {
            throw ProblemParser.parse(json, response, body);
        }
        return new Reply(response.statusCode(), parse(body), cursor(response));
    }

    static boolean gzipped(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Encoding").map(v -> v.trim().equalsIgnoreCase("gzip")).orElse(false);
    }

    private byte[] decoded(HttpResponse<byte[]> response) {
        byte[] raw = response.body() == null ? new byte[0] : response.body();
        if (!gzipped(response) || raw.length == 0) {
            return raw;
        }
        try {
            return Gzip.decompress(raw);
        } catch (IOException e) {
            // A broken body is the server's fault, not the network's: report it as a server error.
            throw new ProblemException(502, "Bad gzip body", "the middleware sent a corrupt gzip body", null, null);
        }
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new ProblemException(502, "Bad JSON", "the middleware sent a body that is not JSON", null, null);
        }
    }

    private byte[] writeBytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OptionalLong cursor(HttpResponse<?> response) {
        return response.headers().firstValue("X-Cursor").map(String::trim)
                .filter(v -> v.matches("\\d{1,18}"))
                .map(v -> OptionalLong.of(Long.parseLong(v))).orElse(OptionalLong.empty());
    }

    private record Reply(int status, JsonNode body, OptionalLong cursorHeader) {
    }
}
