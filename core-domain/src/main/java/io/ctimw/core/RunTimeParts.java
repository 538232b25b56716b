package io.ctimw.core;

import io.ctimw.core.access.AccessGuard;
import io.ctimw.core.settings.LiveSettings;
import io.ctimw.core.settings.RuntimeSettings;
import io.ctimw.core.settings.SettingsAdministration;
import io.ctimw.core.throttle.LoginThrottle;
import io.ctimw.core.throttle.ThrottleAdministration;

/** The run-time settings in effect, the login throttle that reads them, and their two admin use cases. */
public record RunTimeParts(LiveSettings live, LoginThrottle throttle, SettingsAdministration settings,
                           ThrottleAdministration throttleAdministration) {
    /** Reads the stored settings over the file's (so the store must be reachable) and builds the rest on them. */
    public static RunTimeParts build(CorePorts ports, CoreSettings settings, AccessGuard access) {
        LiveSettings live = new LiveSettings(fromFile(settings), settings.sessions(), ports.settings());
        live.reload();
        LoginThrottle throttle = new LoginThrottle(live::throttle, ports.clock(), settings.throttleCapacity());
        return new RunTimeParts(live, throttle, new SettingsAdministration(live, access, ports.audit(), ports.clock()),
                new ThrottleAdministration(throttle, access, ports.audit(), ports.clock()));
    }

    /** The run-time settings' values from the config file. */
    public static RuntimeSettings fromFile(CoreSettings s) {
        return new RuntimeSettings(s.defaultGrants(), s.allowedStates(), s.throttle(), s.requestLogRetention(),
                s.sessions().idleTimeout());
    }
}
