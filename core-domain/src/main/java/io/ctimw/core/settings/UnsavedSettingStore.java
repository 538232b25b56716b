package io.ctimw.core.settings;

import io.ctimw.core.model.Login;
import io.ctimw.core.port.out.SettingStore;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link SettingStore} in memory, for cores whose setting changes need not outlive them (tests, tools). */
public final class UnsavedSettingStore implements SettingStore {
    private final Map<String, String> values = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> all() {
        return Map.copyOf(values);
    }

    @Override
    public synchronized void save(Map<String, String> changed, Set<String> removed, Login by, Instant at) {
        values.putAll(changed);
        removed.forEach(values::remove);
    }
}
