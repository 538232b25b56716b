package io.ctimw.adapters.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * The request as the routes see it: its body already complete in memory (so reading it never blocks a
 * worker) and without {@code X-HTTP-Method-Override}, which Javalin would otherwise obey: the method on
 * the request line is the only one.
 */
final class GuardedRequest extends Request.Wrapper {
    static final String METHOD_OVERRIDE = "X-HTTP-Method-Override";

    private final HttpFields headers;
    private Content.Chunk body;

    GuardedRequest(Request request, byte[] body) {
        super(request);
        this.headers = request.getHeaders().contains(METHOD_OVERRIDE)
                ? HttpFields.build(request.getHeaders()).remove(METHOD_OVERRIDE).asImmutable() : request.getHeaders();
        this.body = Content.Chunk.from(ByteBuffer.wrap(body), true);
    }

    @Override
    public HttpFields getHeaders() {
        return headers;
    }

    @Override
    public synchronized Content.Chunk read() {
        Content.Chunk next = body;
        body = Content.Chunk.EOF;
        return next;
    }

    @Override
    public synchronized boolean consumeAvailable() {
        body = Content.Chunk.EOF;
        return true;
    }

    @Override
    public void demand(Runnable demandCallback) {
        demandCallback.run(); // the content is all here: there is always something to read
    }
}
