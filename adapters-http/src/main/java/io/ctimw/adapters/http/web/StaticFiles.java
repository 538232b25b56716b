package io.ctimw.adapters.http.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Classpath files read once and kept with their ETag: the jar does not change while it runs. */
final class StaticFiles {
    /** One file's bytes and its strong validator. */
    record File(byte[] bytes, String etag) {
    }

    // Only files found are kept: names asked for in vain cannot grow it.
    private final Map<String, File> cache = new ConcurrentHashMap<>();

    /** The resource at this absolute classpath path; empty when there is none. */
    Optional<File> get(String resource) {
        File file = cache.get(resource);
        if (file == null) {
            file = read(resource);
            if (file != null) {
                cache.put(resource, file);
            }
        }
        return Optional.ofNullable(file);
    }

    private static File read(String resource) {
        try (InputStream in = StaticFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readAllBytes();
            return new File(bytes, "\"" + sha256(bytes).substring(0, 32) + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
