package io.ctimw.core.testing;

import io.ctimw.core.model.Login;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/** One quarantined event as a store keeps it, read back by tests; {@code raw} is the frame's UTF-8 bytes as text. */
public record QuarantineRow(Login login, String raw, Instant receivedAt, String reason) {
    public QuarantineRow {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(reason, "reason");
    }

    /** A row from the stored bytes, decoded strictly as UTF-8 (so lossy storage shows up as a difference). */
    public static QuarantineRow of(Login login, byte[] raw, Instant receivedAt, String reason) {
        return new QuarantineRow(login, new String(raw, StandardCharsets.UTF_8), receivedAt, reason);
    }
}
