package io.ctimw.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ctimw.core.model.Login;
import io.ctimw.core.port.out.SettingStore;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link SettingStore} must do; extend it with a factory for the implementation under test. */
public abstract class SettingStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-01T09:15:30Z");
    private static final Login BOSS = new Login("boss");

    /** A fresh store with nothing stored. */
    protected abstract SettingStore newEmptyStore();

    @Test
    void storesReplacesAndDropsValuesByName() {
        SettingStore store = newEmptyStore();
        assertEquals(Map.of(), store.all());
        store.save(Map.of("a.b", "15m", "c.d", "events,control:*", "e.f", ""), Set.of(), BOSS, T0);
        store.save(Map.of("a.b", "30m"), Set.of("c.d", "never-stored"), BOSS, T0.plusSeconds(1));
        assertEquals(Map.of("a.b", "30m", "e.f", ""), store.all());
    }
}
