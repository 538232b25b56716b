package io.ctimw.app.agent.follow;

import java.time.Duration;

/** Long-poll and retry tuning; tests shorten it, production uses {@link #standard()}. */
public record FollowSettings(int waitSeconds, int limit, Duration firstRetry, Duration maxRetry) {
    public FollowSettings {
        if (waitSeconds < 0 || waitSeconds > 60 || limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("wait must be 0-60 and limit 1-1000 (the API's bounds)");
        }
    }

    public static FollowSettings standard() {
        return new FollowSettings(30, 200, Duration.ofMillis(500), Duration.ofSeconds(15));
    }
}
