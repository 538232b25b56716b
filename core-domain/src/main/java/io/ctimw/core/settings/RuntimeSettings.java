package io.ctimw.core.settings;

import io.ctimw.core.model.Grants;
import io.ctimw.core.model.ThrottlePolicy;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The values of the run-time settings, typed; immutable (a change makes a new one, swapped in whole).
 * Relations to settings that need a restart (grants to the command catalog, the idle timeout to the
 * session lifetimes) are checked by {@link LiveSettings}, which knows those.
 */
public record RuntimeSettings(Grants defaultGrants, Set<String> allowedStates, ThrottlePolicy throttle,
                              Duration requestLogRetention, Duration idleTimeout) {
    private static final Pattern GRANT = Pattern.compile("[^,]{1,80}"); // then checked by Grant itself
    private static final Pattern STATE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    static final Duration MIN_RETENTION = Duration.ofHours(1);
    static final Duration MAX_RETENTION = Duration.ofDays(3650);

    public RuntimeSettings {
        Objects.requireNonNull(defaultGrants, "defaultGrants");
        Objects.requireNonNull(throttle, "throttle");
        Objects.requireNonNull(requestLogRetention, "requestLogRetention");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        allowedStates = Set.copyOf(new LinkedHashSet<>(allowedStates));
        if (allowedStates.isEmpty()) {
            throw new IllegalArgumentException("allowedStates must not be empty");
        }
    }

    /** The value of {@code setting} in its JSON shape (what GET shows and the store keeps). */
    public Object wire(Setting setting) {
        return switch (setting) {
            case DEFAULT_GRANTS -> defaultGrants.names();
            case ALLOWED_STATES -> allowedStates.stream().sorted().toList();
            case THROTTLE_MAX_FAILURES -> (long) throttle.maxFailures();
            case THROTTLE_MAX_FAILURES_PER_ADDRESS -> (long) throttle.maxFailuresPerAddress();
            case THROTTLE_WINDOW -> SettingValues.format(throttle.window());
            case REQUEST_LOG_RETENTION -> SettingValues.format(requestLogRetention);
            case IDLE_TIMEOUT -> SettingValues.format(idleTimeout);
        };
    }

    /** A copy with {@code setting} set from its JSON shape; @throws IllegalArgumentException saying what is wrong */
    public RuntimeSettings with(Setting setting, Object value) {
        return switch (setting) {
            case DEFAULT_GRANTS -> new RuntimeSettings(Grants.parse(SettingValues.textList(value, GRANT,
                    "a grant: \"events\", \"control:*\" or \"control:<Command>\"")),
                    allowedStates, throttle, requestLogRetention, idleTimeout);
            case ALLOWED_STATES -> {
                List<String> states = SettingValues.textList(value, STATE, "1-64 letters, digits, '_', '.' or '-'");
                if (states.isEmpty()) {
                    throw new IllegalArgumentException("must name at least one state");
                }
                yield new RuntimeSettings(defaultGrants, Set.copyOf(states), throttle, requestLogRetention, idleTimeout);
            }
            case THROTTLE_MAX_FAILURES -> withThrottle(new ThrottlePolicy(SettingValues.count(value),
                    throttle.maxFailuresPerAddress(), throttle.window()));
            case THROTTLE_MAX_FAILURES_PER_ADDRESS -> withThrottle(new ThrottlePolicy(throttle.maxFailures(),
                    SettingValues.count(value), throttle.window()));
            case THROTTLE_WINDOW -> withThrottle(new ThrottlePolicy(throttle.maxFailures(),
                    throttle.maxFailuresPerAddress(), SettingValues.duration(value)));
            case REQUEST_LOG_RETENTION -> {
                Duration retention = SettingValues.duration(value);
                SettingValues.requireBetween(retention, MIN_RETENTION, MAX_RETENTION);
                yield new RuntimeSettings(defaultGrants, allowedStates, throttle, retention, idleTimeout);
            }
            case IDLE_TIMEOUT -> new RuntimeSettings(defaultGrants, allowedStates, throttle, requestLogRetention,
                    SettingValues.duration(value));
        };
    }

    private RuntimeSettings withThrottle(ThrottlePolicy policy) {
        return new RuntimeSettings(defaultGrants, allowedStates, policy, requestLogRetention, idleTimeout);
    }
}
