package io.ctimw.adapters.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Open event streams ({@code GET /api/v1/events/stream}).
 *
 * @param heartbeat     a comment is sent (and the session checked and kept alive) this often; shorter than
 *                      the connection idle timeout, so an idle stream is never cut by the connector
 * @param maxOpen       streams open at once, all sessions together; beyond it 503
 * @param maxPerLogin   streams one login may have open at once, all its sessions together; beyond it 429
 */
public record StreamSettings(Duration heartbeat, int maxOpen, int maxPerLogin) {
    public StreamSettings {
        Objects.requireNonNull(heartbeat, "heartbeat");
        if (heartbeat.toMillis() < 1) {
            throw new IllegalArgumentException("heartbeat must be at least 1 ms");
        }
        if (maxOpen < 1 || maxPerLogin < 1) {
            throw new IllegalArgumentException("stream caps must be positive");
        }
    }

    public static StreamSettings defaults() {
        return new StreamSettings(Duration.ofSeconds(15), 20_000, 4);
    }
}
