package io.ctimw.app.middleware.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * A test client of {@code GET /api/v1/events/stream}: reads the open stream on a thread of its own and
 * keeps every event id, the end reason and the number of heartbeats, for the test to await.
 */
public final class SseFeed implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public final List<Long> ids = new CopyOnWriteArrayList<>();
    public final List<String> data = new CopyOnWriteArrayList<>();
    public final AtomicInteger heartbeats = new AtomicInteger();
    public final HttpResponse<InputStream> response;
    private volatile String endReason;
    private volatile boolean closed;

    private SseFeed(HttpResponse<InputStream> response, InputStream body) {
        this.response = response;
        Thread reader = new Thread(() -> read(body), "sse-feed");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream ({@code query} like {@code "?after=5"} or empty); extra headers as name, value pairs. */
    public static SseFeed open(String base, String token, String query, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/events/stream" + query))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            throw new AssertionError("stream answered " + response.statusCode() + ": " + body);
        }
        boolean gzip = response.headers().firstValue("Content-Encoding").filter("gzip"::equals).isPresent();
        return new SseFeed(response, gzip ? new GZIPInputStream(response.body()) : response.body());
    }

    /** The reason of the stream's end event; null while open (or when it was cut without one). */
    public String endReason() {
        return endReason;
    }

    public long lastId() {
        return ids.get(ids.size() - 1);
    }

    /** Drops the connection, as a network failure would. */
    @Override
    public void close() throws IOException {
        closed = true;
        response.body().close();
    }

    private static String line(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return null;
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private void read(InputStream body) {
        // Bytes, not an InputStreamReader: over gzip that waits for more than has come.
        try (InputStream lines = new java.io.BufferedInputStream(body)) {
            String event = null;
            for (String line = line(lines); line != null; line = line(lines)) {
                if (line.equals(": hb")) {
                    heartbeats.incrementAndGet();
                } else if (line.startsWith("id: ")) {
                    ids.add(Long.parseLong(line.substring(4)));
                } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    if ("end".equals(event)) {
                        endReason = line.replaceAll(".*\"reason\":\"([^\"]+)\".*", "$1");
                    } else {
                        data.add(line.substring(6));
                    }
                }
            }
        } catch (IOException e) {
            if (!closed) {
                endReason = "cut: " + e;
            }
        }
    }
}
