package io.ctimw.app.agent.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/** One {@code GET /api/v1/events/stream}, read to its end: the events go to a sink as they come. */
final class EventStreamCall {
    private EventStreamCall() {
    }

    /**
     * @param problem turns an error answer (status, decoded body) into the exception to throw
     * @param parse   reads one message's JSON
     * @return the end event's reason, empty when the connection just closed
     */
    static Optional<String> run(HttpClient http, URI address, HttpRequest request,
                                BiFunction<HttpResponse<?>, byte[], ProblemException> problem,
                                Function<byte[], JsonNode> parse, Consumer<JsonNode> sink, Consumer<Closeable> opened) {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while talking to " + address);
        } catch (IOException e) {
            throw new UnreachableException(address, e);
        }
        boolean gzipped = MiddlewareClient.gzipped(response);
        try (InputStream body = response.body()) {
            if (response.statusCode() >= 400) {
                byte[] raw = body.readAllBytes();
                throw problem.apply(response, gzipped ? Gzip.decompress(raw) : raw);
            }
            opened.accept(body);
            InputStream text = gzipped ? new GZIPInputStream(body) : body;
            return SseReader.read(text, message -> sink.accept(parse.apply(utf8(message.data()))))
                    .map(end -> parse.apply(utf8(end.data())).path("reason").asText("unknown"));
        } catch (IOException e) {
            throw new UnreachableException(address, e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
