package io.ctimw.bench.client;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The parts of an HTTP/1.1 response head the poll client needs, read from the raw bytes without building
 * a String per header (the benchmark client parses thousands of heads a second).
 */
record ResponseHead(int status, long cursor, boolean close, long contentLength, boolean chunked) {

    /** Parses the status line and headers in {@code in[from, end)} ({@code end}: the blank line's CRLF). */
    static ResponseHead parse(byte[] in, int from, int end) {
        int eol = indexOfCrlf(in, from, end);
        if (eol - from < 12 || in[from] != 'H' || in[from + 8] != ' ') {
            throw new IllegalStateException("not an HTTP status line: " + text(in, from, Math.min(eol, from + 40)));
        }
        int status = (in[from + 9] - '0') * 100 + (in[from + 10] - '0') * 10 + (in[from + 11] - '0');
        long cursor = -1;
        boolean close = false;
        long length = -1;
        boolean chunked = false;
        int line = eol + 2;
        while (line < end) {
            int lineEnd = indexOfCrlf(in, line, end);
            int colon = line;
            while (colon < lineEnd && in[colon] != ':') {
                colon++;
            }
            if (colon < lineEnd) {
                String value = text(in, colon + 1, lineEnd).trim();
                if (nameIs(in, line, colon, "content-length")) {
                    length = Long.parseLong(value);
                } else if (nameIs(in, line, colon, "transfer-encoding")) {
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                } else if (nameIs(in, line, colon, "x-cursor")) {
                    cursor = Long.parseLong(value);
                } else if (nameIs(in, line, colon, "connection")) {
                    close = value.equalsIgnoreCase("close");
                }
            }
            line = lineEnd + 2;
        }
        return new ResponseHead(status, cursor, close, length, chunked);
    }

    /** 1xx, 204 and 304 never carry a body, whatever the headers say. */
    boolean bodyless() {
        return status == 204 || status == 304 || status / 100 == 1;
    }

    static String text(byte[] in, int from, int to) {
        return new String(in, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** The CRLF at or after {@code from}, or {@code end} when the line runs up to it. */
    private static int indexOfCrlf(byte[] in, int from, int end) {
        for (int i = from; i + 1 < end; i++) {
            if (in[i] == '\r' && in[i + 1] == '\n') {
                return i;
            }
        }
        return end;
    }

    private static boolean nameIs(byte[] in, int from, int to, String lowerName) {
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
}
