package io.ctimw.adapters.http;

import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a JSON request body within the size limit: checks the declared media type, undoes
 * {@code Content-Encoding: gzip}, and stops reading (413) the moment the limit is passed, before and
 * after decompression, so neither a huge body nor a zip bomb is ever held in memory.
 */
final class RequestBodies {
    private final long maxBytes;

    public RequestBodies(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The decoded body bytes, at most {@code maxBytes} long. */
    public byte[] readJson(Context ctx) {
        requireJsonContentType(ctx.header("Content-Type"));
        boolean gzip = gzipEncoded(ctx.header("Content-Encoding"));
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge("the body is larger than " + maxBytes + " bytes");
        }
        try {
            byte[] raw = readLimited(ctx.req().getInputStream(), "the body is larger than " + maxBytes + " bytes");
            if (!gzip) {
                return raw;
            }
            try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                return readLimited(unzipped, "the body is larger than " + maxBytes + " bytes once decompressed");
            } catch (ZipException | java.io.EOFException e) {
                throw new ProblemException(ProblemType.BAD_REQUEST, "the body is not valid gzip");
            }
        } catch (IOException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "the body could not be read");
        }
    }

    // Required, not just checked when present: a cross-site page can send a body without a
    // Content-Type (or as text/plain) without a CORS preflight, riding on the session cookie.
    private static void requireJsonContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "send the body with Content-Type: application/json");
        }
        String[] parts = contentType.split(";");
        String media = parts[0].trim().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json")) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "the body must be application/json, not " + (media.length() > 80 ? media.substring(0, 80) + "…" : media));
        }
        for (int i = 1; i < parts.length; i++) {
            requireUtf8(parts[i]);
        }
    }

    // JSON is UTF-8 (RFC 8259 8.1); a body that says it is in another charset would be misread, so refuse it.
    private static void requireUtf8(String parameter) {
        String[] nameValue = parameter.split("=", 2);
        if (!nameValue[0].trim().equalsIgnoreCase("charset")) {
            return;
        }
        String charset = nameValue.length < 2 ? "" : nameValue[1].trim().replace("\"", "");
        if (!charset.equalsIgnoreCase("utf-8")) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "the body must be UTF-8 (charset=utf-8 or none)");
        }
    }

    private static boolean gzipEncoded(String contentEncoding) {
        if (contentEncoding == null || contentEncoding.isBlank()) {
            return false;
        }
        String coding = contentEncoding.trim().toLowerCase(Locale.ROOT);
        return switch (coding) {
            case "identity" -> false;
            case "gzip", "x-gzip" -> true;
            // RFC 9110 15.5.16: an unsupported content coding is answered with 415.
            default -> throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "only gzip and identity content codings are accepted");
        };
    }

    private byte[] readLimited(InputStream in, String tooLargeDetail) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(chunk)) != -1) {
            total += n;
            if (total > maxBytes) {
                throw tooLarge(tooLargeDetail);
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    private static ProblemException tooLarge(String detail) {
        return new ProblemException(ProblemType.CONTENT_TOO_LARGE, detail);
    }
}
