package io.ctimw.bench.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Incremental HTTP/1.1 response parser for one keep-alive connection: bytes go in as they arrive (any
 * split), complete responses (status, {@code X-Cursor}, body by Content-Length or chunked) come out.
 * Not thread-safe; one per connection.
 */
final class HttpResponseParser {
    private enum State { HEAD, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILER }

    private static final int MAX_LINE = 64 * 1024;

    private final ReceiveBuffer buf = new ReceiveBuffer();
    private State state = State.HEAD;

    private int status;
    private long cursor;
    private boolean close;
    private long left;
    private byte[] body = new byte[0];
    private int bodyLength;

    /** Feeds what was read (the buffer is drained); calls {@code out} once per response completed by it. */
    void feed(ByteBuffer src, Consumer<PollAnswer> out) {
        buf.append(src);
        parse(out);
    }

    /** Same, from an array. */
    void feed(byte[] src, int off, int len, Consumer<PollAnswer> out) {
        buf.append(src, off, len);
        parse(out);
    }

    /** Whether a response has started but not completed (so a close now loses it). */
    boolean midResponse() {
        return state != State.HEAD || buf.available() > 0;
    }

    /** Forgets everything (a new connection). */
    void reset() {
        buf.clear();
        state = State.HEAD;
        bodyLength = 0;
    }

    private void parse(Consumer<PollAnswer> out) {
        while (true) {
            switch (state) {
                case HEAD -> {
                    int end = buf.headEnd();
                    if (end < 0) {
                        checkLine();
                        return;
                    }
                    head(buf.position(), end);
                    buf.position(end + 4);
                    if (state == State.HEAD) {
                        emit(out); // no body
                    }
                }
                case BODY -> {
                    int take = (int) Math.min(left, buf.available());
                    appendBody(take);
                    left -= take;
                    if (left > 0) {
                        return;
                    }
                    state = State.HEAD;
                    emit(out);
                }
                case CHUNK_SIZE -> {
                    int eol = buf.lineEnd();
                    if (eol < 0) {
                        checkLine();
                        return;
                    }
                    left = chunkSize(buf.position(), eol);
                    buf.position(eol + 2);
                    state = left == 0 ? State.TRAILER : State.CHUNK_DATA;
                }
                case CHUNK_DATA -> {
                    int take = (int) Math.min(left, buf.available());
                    appendBody(take);
                    left -= take;
                    if (left > 0) {
                        return;
                    }
                    state = State.CHUNK_END;
                }
                case CHUNK_END -> {
                    if (buf.available() < 2) {
                        return;
                    }
                    if (buf.lineEnd() != buf.position()) {
                        throw new IllegalStateException("no CRLF after a chunk");
                    }
                    buf.position(buf.position() + 2);
                    state = State.CHUNK_SIZE;
                }
                case TRAILER -> {
                    int eol = buf.lineEnd();
                    if (eol < 0) {
                        checkLine();
                        return;
                    }
                    boolean last = eol == buf.position();
                    buf.position(eol + 2);
                    if (last) {
                        state = State.HEAD;
                        emit(out);
                    }
                }
            }
        }
    }

    /** Takes the head's status and headers and sets the body state. */
    private void head(int from, int end) {
        ResponseHead head = ResponseHead.parse(buf.bytes(), from, end);
        status = head.status();
        cursor = head.cursor();
        close = head.close();
        bodyLength = 0;
        if (head.bodyless()) {
            state = State.HEAD;
        } else if (head.chunked()) {
            state = State.CHUNK_SIZE;
        } else if (head.contentLength() >= 0) {
            left = head.contentLength();
            state = left == 0 ? State.HEAD : State.BODY;
        } else {
            throw new IllegalStateException("HTTP " + status + " without Content-Length or chunked body");
        }
    }

    private void emit(Consumer<PollAnswer> out) {
        String text = bodyLength == 0 ? "" : new String(body, 0, bodyLength, StandardCharsets.ISO_8859_1);
        bodyLength = 0;
        buf.compact();
        out.accept(new PollAnswer(status, cursor, text, close));
    }

    private void appendBody(int n) {
        if (bodyLength + n > body.length) {
            byte[] bigger = new byte[Math.max(bodyLength + n, body.length * 2)];
            System.arraycopy(body, 0, bigger, 0, bodyLength);
            body = bigger;
        }
        buf.take(body, bodyLength, n);
        bodyLength += n;
    }

    private long chunkSize(int from, int eol) {
        byte[] in = buf.bytes();
        long size = 0;
        int digits = 0;
        for (int i = from; i < eol; i++) {
            int d = Character.digit(in[i], 16);
            if (d < 0) {
                break; // chunk extension or whitespace
            }
            size = size * 16 + d;
            digits++;
        }
        if (digits == 0) {
            throw new IllegalStateException("bad chunk size line: " + ResponseHead.text(in, from, eol));
        }
        return size;
    }

    private void checkLine() {
        if (buf.available() > MAX_LINE) {
            throw new IllegalStateException("response head longer than " + MAX_LINE + " bytes");
        }
    }}
