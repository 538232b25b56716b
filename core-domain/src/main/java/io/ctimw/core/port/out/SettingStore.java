package io.ctimw.core.port.out;

import io.ctimw.core.model.Login;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** Where the values administrators gave the run-time settings are kept, by setting name, as text. */
public interface SettingStore {
    /** Every stored value. */
    Map<String, String> all();

    /** Stores {@code values} and drops {@code removed}, all or nothing; {@code by} is the administrator. */
    void save(Map<String, String> values, Set<String> removed, Login by, Instant at);
}
