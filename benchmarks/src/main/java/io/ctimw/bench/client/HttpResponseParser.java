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

    private byte[] in = new byte[512];
    private int rd;
    private int wr;
    private State state = State.HEAD;
    private int headScanFrom;

    private int status;
    private long cursor;
    private boolean close;
    private long left;
    private byte[] body = new byte[0];
    private int bodyLength;

    /** Feeds what was read (the buffer is drained); calls {@code out} once per response completed by it. */
    void feed(ByteBuffer src, Consumer<PollAnswer> out) {
        int n = src.remaining();
        ensureRoom(n);
        src.get(in, wr, n);
        wr += n;
        parse(out);
    }

    /** Same, from an array. */
    void feed(byte[] src, int off, int len, Consumer<PollAnswer> out) {
        ensureRoom(len);
        System.arraycopy(src, off, in, wr, len);
        wr += len;
        parse(out);
    }

    /** Whether a response has started but not completed (so a close now loses it). */
    boolean midResponse() {
        return state != State.HEAD || wr > rd;
    }

    /** Forgets everything (a new connection). */
    void reset() {
        rd = 0;
        wr = 0;
        headScanFrom = 0;
        state = State.HEAD;
        bodyLength = 0;
    }

    private void parse(Consumer<PollAnswer> out) {
        while (true) {
            switch (state) {
                case HEAD -> {
                    int end = indexOf4(Math.max(rd, headScanFrom));
                    if (end < 0) {
                        headScanFrom = Math.max(rd, wr - 3);
                        checkLine(wr - rd);
                        return;
                    }
                    head(rd, end);
                    rd = end + 4;
                    headScanFrom = rd;
                    if (state == State.HEAD) {
                        emit(out); // no body
                    }
                }
                case BODY -> {
                    int take = (int) Math.min(left, wr - rd);
                    appendBody(take);
                    left -= take;
                    if (left > 0) {
                        return;
                    }
                    state = State.HEAD;
                    emit(out);
                }
                case CHUNK_SIZE -> {
                    int eol = indexOfCrlf(rd);
                    if (eol < 0) {
                        checkLine(wr - rd);
                        return;
                    }
                    left = chunkSize(rd, eol);
                    rd = eol + 2;
                    state = left == 0 ? State.TRAILER : State.CHUNK_DATA;
                }
                case CHUNK_DATA -> {
                    int take = (int) Math.min(left, wr - rd);
                    appendBody(take);
                    left -= take;
                    if (left > 0) {
                        return;
                    }
                    state = State.CHUNK_END;
                }
                case CHUNK_END -> {
                    if (wr - rd < 2) {
                        return;
                    }
                    if (in[rd] != '\r' || in[rd + 1] != '\n') {
                        throw new IllegalStateException("no CRLF after a chunk");
                    }
                    rd += 2;
                    state = State.CHUNK_SIZE;
                }
                case TRAILER -> {
                    int eol = indexOfCrlf(rd);
                    if (eol < 0) {
                        checkLine(wr - rd);
                        return;
                    }
                    boolean last = eol == rd;
                    rd = eol + 2;
                    if (last) {
                        state = State.HEAD;
                        headScanFrom = rd;
                        emit(out);
                    }
                }
            }
        }
    }

    /** Parses the status line and headers in {@code in[from, end)} and sets the body state. */
    private void head(int from, int end) {
        int eol = indexOfCrlf(from);
        if (eol < 0 || eol > end) {
            eol = end;
        }
        if (eol - from < 12 || in[from] != 'H' || in[from + 8] != ' ') {
            throw new IllegalStateException("not an HTTP status line: " + text(from, Math.min(eol, from + 40)));
        }
        status = (in[from + 9] - '0') * 100 + (in[from + 10] - '0') * 10 + (in[from + 11] - '0');
        cursor = -1;
        close = false;
        long length = -1;
        boolean chunked = false;
        int line = eol + 2;
        while (line < end) {
            int lineEnd = indexOfCrlf(line);
            if (lineEnd < 0 || lineEnd > end) {
                lineEnd = end;
            }
            int colon = line;
            while (colon < lineEnd && in[colon] != ':') {
                colon++;
            }
            if (colon < lineEnd) {
                String value = text(colon + 1, lineEnd).trim();
                if (nameIs(line, colon, "content-length")) {
                    length = Long.parseLong(value);
                } else if (nameIs(line, colon, "transfer-encoding")) {
                    chunked = value.toLowerCase(java.util.Locale.ROOT).contains("chunked");
                } else if (nameIs(line, colon, "x-cursor")) {
                    cursor = Long.parseLong(value);
                } else if (nameIs(line, colon, "connection")) {
                    close = value.equalsIgnoreCase("close");
                }
            }
            line = lineEnd + 2;
        }
        bodyLength = 0;
        if (status == 204 || status == 304 || status / 100 == 1) {
            state = State.HEAD;
        } else if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (length >= 0) {
            left = length;
            state = length == 0 ? State.HEAD : State.BODY;
        } else {
            throw new IllegalStateException("HTTP " + status + " without Content-Length or chunked body");
        }
    }

    private void emit(Consumer<PollAnswer> out) {
        String text = bodyLength == 0 ? "" : new String(body, 0, bodyLength, StandardCharsets.ISO_8859_1);
        bodyLength = 0;
        compact();
        out.accept(new PollAnswer(status, cursor, text, close));
    }

    private void appendBody(int n) {
        if (bodyLength + n > body.length) {
            byte[] bigger = new byte[Math.max(bodyLength + n, body.length * 2)];
            System.arraycopy(body, 0, bigger, 0, bodyLength);
            body = bigger;
        }
        System.arraycopy(in, rd, body, bodyLength, n);
        bodyLength += n;
        rd += n;
    }

    private long chunkSize(int from, int eol) {
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
            throw new IllegalStateException("bad chunk size line: " + text(from, eol));
        }
        return size;
    }

    private boolean nameIs(int from, int to, String lowerName) {
        if (to - from != lowerName.length()) {
            return false;
        }
        for (int i = 0; i < lowerName.length(); i++) {
            int c = in[from + i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lowerName.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int indexOf4(int from) {
        for (int i = from; i + 3 < wr; i++) {
            if (in[i] == '\r' && in[i + 1] == '\n' && in[i + 2] == '\r' && in[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private int indexOfCrlf(int from) {
        for (int i = from; i + 1 < wr; i++) {
            if (in[i] == '\r' && in[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void checkLine(int pending) {
        if (pending > MAX_LINE) {
            throw new IllegalStateException("response head longer than " + MAX_LINE + " bytes");
        }
    }

    private String text(int from, int to) {
        return new String(in, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private void compact() {
        if (rd == wr) {
            headScanFrom -= rd;
            rd = 0;
            wr = 0;
            if (headScanFrom < 0) {
                headScanFrom = 0;
            }
        }
    }

    private void ensureRoom(int n) {
        if (wr + n <= in.length) {
            return;
        }
        int pending = wr - rd;
        byte[] target = pending + n <= in.length ? in : new byte[Math.max(pending + n, in.length * 2)];
        System.arraycopy(in, rd, target, 0, pending);
        in = target;
        headScanFrom = Math.max(0, headScanFrom - rd);
        rd = 0;
        wr = pending;
    }
}
