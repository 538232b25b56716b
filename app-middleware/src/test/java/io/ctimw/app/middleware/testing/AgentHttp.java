package io.ctimw.app.middleware.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A real HTTP client playing one agent against the middleware, as the agent program would. */
public final class AgentHttp {
    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String token;

    public AgentHttp(String base) {
        this.base = base;
    }

    public AgentHttp withToken(String token) {
        this.token = token;
        return this;
    }

    public String token() {
        return token;
    }

    public HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Any method, e.g. PATCH or DELETE; a null body sends none. */
    public HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(90))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(90)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in and keeps the token; fails the test unless the answer is 200. */
    public AgentHttp login(String login, String password) throws Exception {
        HttpResponse<String> r = post("/api/v1/login",
                JSON.createObjectNode().put("login", login).put("password", password).toString());
        assertEquals(200, r.statusCode(), r.body());
        token = JSON.readTree(r.body()).get("token").asText();
        return this;
    }

    public HttpResponse<String> control(String json) throws Exception {
        return post("/api/v1/control", json);
    }

    /** One GET /events; an empty list for 204. */
    public List<JsonNode> events(String query) throws Exception {
        HttpResponse<String> r = get("/api/v1/events" + (query.isEmpty() ? "" : "?" + query));
        if (r.statusCode() == 204) {
            return List.of();
        }
        assertEquals(200, r.statusCode(), r.body());
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(r.body()).forEach(out::add);
        return out;
    }

    /** Long-polls from the session's position until an event named {@code name} arrives; returns all seen. */
    public List<JsonNode> awaitEvent(String name, Duration timeout) throws Exception {
        return awaitEvents(timeout, name);
    }

    /** Long-polls until events with every one of {@code names} have arrived; returns all seen. */
    public List<JsonNode> awaitEvents(Duration timeout, String... names) throws Exception {
        List<JsonNode> seen = new ArrayList<>();
        java.util.Set<String> missing = new java.util.HashSet<>(List.of(names));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<JsonNode> batch = events("wait=1");
            seen.addAll(batch);
            batch.forEach(e -> missing.remove(e.path("name").asText()));
            if (missing.isEmpty()) {
                return seen;
            }
        }
        throw new AssertionError("no " + missing + " within " + timeout + "; saw " + seen);
    }

    /** Waits until the attach-time events (availability, state, conferences) have all been read. */
    public AgentHttp settled(Duration timeout) throws Exception {
        awaitEvents(timeout, "mw.PhoneAvailable", "UserState", "Conferences");
        return this;
    }
}
