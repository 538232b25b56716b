package io.ctimw.bench.client;

import java.nio.ByteBuffer;

/**
 * The bytes received on one connection and not yet parsed, in one growable array that is reused (compacted
 * when drained) so that steady polling allocates nothing per read. Not thread-safe.
 */
final class ReceiveBuffer {
    private byte[] in = new byte[512];
    private int rd;
    private int wr;
    /** Where the search for the end of a head resumes: bytes before it were already looked at. */
    private int headScanFrom;

    void append(ByteBuffer src) {
        int n = src.remaining();
        ensureRoom(n);
        src.get(in, wr, n);
        wr += n;
    }

    void append(byte[] src, int off, int len) {
        ensureRoom(len);
        System.arraycopy(src, off, in, wr, len);
        wr += len;
    }

    /** The received array itself, valid until the next append; read from {@link #position()} on. */
    byte[] bytes() {
        return in;
    }

    int position() {
        return rd;
    }

    void position(int newPosition) {
        rd = newPosition;
    }

    int available() {
        return wr - rd;
    }

    /** Copies {@code n} unread bytes to {@code dst[off...]} and consumes them. */
    void take(byte[] dst, int off, int n) {
        System.arraycopy(in, rd, dst, off, n);
        rd += n;
    }

    /** The index of the CRLFCRLF that ends the head starting at the position, or -1 if not received yet. */
    int headEnd() {
        for (int i = Math.max(rd, headScanFrom); i + 3 < wr; i++) {
            if (in[i] == '\r' && in[i + 1] == '\n' && in[i + 2] == '\r' && in[i + 3] == '\n') {
                return i;
            }
        }
        headScanFrom = Math.max(rd, wr - 3);
        return -1;
    }

    /** The index of the next CRLF from the position, or -1 if not received yet. */
    int lineEnd() {
        for (int i = rd; i + 1 < wr; i++) {
            if (in[i] == '\r' && in[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Starts over at the array's beginning once everything received was parsed. */
    void compact() {
        if (rd == wr) {
            headScanFrom = Math.max(0, headScanFrom - rd);
            rd = 0;
            wr = 0;
        }
    }

    /** Forgets everything (a new connection). */
    void clear() {
        rd = 0;
        wr = 0;
        headScanFrom = 0;
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
