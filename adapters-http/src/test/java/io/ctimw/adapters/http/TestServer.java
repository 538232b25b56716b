package io.ctimw.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ctimw.core.port.in.AdminUseCases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/** A real {@link HttpApi} on a random loopback port, its fakes, and a plain JDK HTTP client. */
final class TestServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final Fakes.Auth auth = new Fakes.Auth();
    final Fakes.Events events = new Fakes.Events();
    final Fakes.State state = new Fakes.State();
    final Fakes.Control control = new Fakes.Control();
    final Fakes.Ready readiness = new Fakes.Ready();
    final Fakes.Audit audit = new Fakes.Audit();
    final Fakes.Settings settings = new Fakes.Settings();
    final Fakes.Throttle throttle = new Fakes.Throttle();
    final java.util.List<Object> unblocked = throttle.unblocked;
    final Fakes.AdminUsers users = new Fakes.AdminUsers();
    final Fakes.AdminSessions sessions = new Fakes.AdminSessions();
    final Fakes.RequestLog requestLog = new Fakes.RequestLog();
    final FakeOverview overview = new FakeOverview();
    final HttpApi api;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    TestServer() {
        this(UnaryOperator.identity());
    }

    TestServer(UnaryOperator<HttpSettings> settings) {
        this(settings, HttpMetrics.off());
    }

    TestServer(UnaryOperator<HttpSettings> settings, HttpMetrics metrics) {
        HttpSettings base = HttpSettings.defaults().withAddress("127.0.0.1", 0).withMaxBodyBytes(4096);
        api = new HttpApi(settings.apply(base), auth, events, control, readiness, metrics,
                AdminUseCases.of(users, sessions, audit, this.settings, throttle, requestLog, overview), state).start();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).timeout(Duration.ofSeconds(90));
    }

    HttpRequest.Builder authed(String path) {
        return request(path).header("Authorization", "Bearer " + Fakes.TOKEN);
    }

    static HttpRequest.BodyPublisher json(String body) {
        return HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest.Builder request) {
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) {
        return send(authed(path).GET());
    }

    HttpResponse<String> postJson(String path, String body) {
        return send(authed(path).header("Content-Type", "application/json").POST(json(body)));
    }

    static JsonNode body(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts an RFC 9457 answer and returns its body. */
    static JsonNode assertProblem(HttpResponse<?> response, int status, String typeSlug) {
        org.junit.jupiter.api.Assertions.assertEquals(status, response.statusCode(), () -> "body: " + response.body());
        org.junit.jupiter.api.Assertions.assertEquals("application/problem+json",
                response.headers().firstValue("Content-Type").orElse(""));
        JsonNode body;
        try {
            body = JSON.readTree(response.body() instanceof byte[] b ? new String(b, StandardCharsets.UTF_8)
                    : String.valueOf(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        org.junit.jupiter.api.Assertions.assertEquals(ProblemType.TYPE_BASE + typeSlug, body.path("type").asText());
        org.junit.jupiter.api.Assertions.assertEquals(status, body.path("status").asInt());
        org.junit.jupiter.api.Assertions.assertFalse(body.path("title").asText().isEmpty());
        org.junit.jupiter.api.Assertions.assertFalse(body.path("detail").asText().isEmpty());
        return body;
    }

    @Override
    public void close() {
        api.stopWithoutGrace(); // the JDK 17 client has no close(); its idle connections die with the server
    }
}
