package io.ctimw.adapters.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * How a stream's bytes go on the wire: as they are, or gzip-compressed with a flush after every chunk, so
 * no event waits in the compressor for the next one. A gzip stream holds a deflater (about 300 KiB of
 * native memory) until {@link #close()}.
 */
abstract class SseEncoding {
    static SseEncoding of(boolean gzip) {
        return gzip ? new Gzip() : new Identity();
    }

    /** A chunk to write now. */
    abstract byte[] encode(byte[] chunk);

    /** The last chunk, with whatever the encoding needs to end (gzip's trailer). */
    abstract byte[] last(byte[] chunk);

    /** Frees what the encoding holds; idempotent. */
    abstract void close();

    /** Plain text. */
    private static final class Identity extends SseEncoding {
        @Override
        byte[] encode(byte[] chunk) {
            return chunk;
        }

        @Override
        byte[] last(byte[] chunk) {
            return chunk;
        }

        @Override
        void close() {
        }
    }

    /** gzip, sync-flushed per chunk. */
    private static final class Gzip extends SseEncoding {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
        private final GZIPOutputStream gzip;
        private boolean closed;

        Gzip() {
            try {
                gzip = new GZIPOutputStream(buffer, 512, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
            }
        }

        @Override
        byte[] encode(byte[] chunk) {
            try {
                gzip.write(chunk);
                gzip.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return drain();
        }

        @Override
        byte[] last(byte[] chunk) {
            try {
                gzip.write(chunk);
                gzip.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            close();
            return drain();
        }

        @Override
        void close() {
            if (!closed) {
                closed = true;
                try {
                    gzip.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        private byte[] drain() {
            byte[] out = buffer.toByteArray();
            buffer.reset();
            return out;
        }
    }
}
