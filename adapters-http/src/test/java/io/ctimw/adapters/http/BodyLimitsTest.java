package io.ctimw.adapters.http;

import static io.ctimw.adapters.http.TestServer.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The test server accepts bodies of at most 4096 bytes. */
class BodyLimitsTest {
    private final TestServer server = new TestServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> postControl(byte[] body, String contentEncoding) {
        HttpRequest.Builder request = server.authed("/api/v1/control").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentEncoding != null) {
            request.header("Content-Encoding", contentEncoding);
        }
        return server.send(request);
    }

    static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Test
    void gzipRequestBodiesAreAccepted() {
        HttpResponse<String> response = postControl(gzip("{\"name\":\"Answer\",\"cid\":2}".getBytes(StandardCharsets.UTF_8)), "gzip");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("Answer", server.control.requests.get(0).name());
        assertEquals(2, server.control.requests.get(0).fields().get("cid"));
    }

    @Test
    void oversizeBodiesAre413() {
        String padding = "x".repeat(5000);
        HttpResponse<String> response = postControl(("{\"name\":\"Answer\",\"pad\":\"" + padding + "\"}")
                .getBytes(StandardCharsets.UTF_8), null);

        assertProblem(response, 413, "content-too-large");
        assertTrue(server.control.requests.isEmpty());
    }

    @Test
    void oversizeChunkedBodiesAre413() {
        byte[] big = ("{\"name\":\"Answer\",\"pad\":\"" + "x".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8);
        // An InputStream publisher has no known length, so the client sends it chunked.
        HttpResponse<String> response = server.send(server.authed("/api/v1/control")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))));

        assertProblem(response, 413, "content-too-large");
    }

    @Test
    void aZipBombIs413() {
        // 3 MB of spaces inside a valid object compress to under the 4 KB limit: only inflating reveals it.
        byte[] bomb = gzip(("{\"name\":\"Answer\"" + " ".repeat(3_000_000) + "}").getBytes(StandardCharsets.UTF_8));
        assertTrue(bomb.length < 4096, "compressed size " + bomb.length);

        assertProblem(postControl(bomb, "gzip"), 413, "content-too-large");
        assertTrue(server.control.requests.isEmpty());
    }

    @Test
    void corruptGzipIs400() {
        assertProblem(postControl("{\"name\":\"Answer\"}".getBytes(StandardCharsets.UTF_8), "gzip"), 400, "bad-request");
    }

    @Test
    void unsupportedContentEncodingIs415() {
        assertProblem(postControl("{\"name\":\"Answer\"}".getBytes(StandardCharsets.UTF_8), "br"), 415, "unsupported-media-type");
    }
}
