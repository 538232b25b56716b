package io.ctimw.adapters.postgres;

import io.ctimw.core.model.Login;
import io.ctimw.core.port.out.SettingStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** {@link SettingStore} on the {@code settings} table; a change set is one transaction. */
public final class JdbiSettingStore implements SettingStore {
    private final GuardedJdbi db;

    public JdbiSettingStore(Jdbi jdbi) {
        this.db = new GuardedJdbi(jdbi, "setting store");
    }

    @Override
    public Map<String, String> all() {
        return db.withHandle(h -> {
            Map<String, String> values = new LinkedHashMap<>();
            h.createQuery("select name, value from settings order by name")
                    .map((rs, ctx) -> Map.entry(rs.getString("name"), rs.getString("value")))
                    .forEach(e -> values.put(e.getKey(), e.getValue()));
            return values;
        });
    }

    @Override
    public void save(Map<String, String> values, Set<String> removed, Login by, Instant at) {
        db.withHandle(h -> h.inTransaction(tx -> {
            values.forEach((name, value) -> tx.createUpdate("""
                            insert into settings (name, value, changed_at, changed_by) values (:name, :value, :at, :by)
                            on conflict (name) do update set value = excluded.value, changed_at = excluded.changed_at,
                                changed_by = excluded.changed_by""")
                    .bind("name", name)
                    .bind("value", value)
                    .bind("at", Timestamps.toDb(at))
                    .bind("by", by == null ? null : by.value())
                    .execute());
            removed.forEach(name -> tx.createUpdate("delete from settings where name = :name").bind("name", name).execute());
            return null;
        }));
    }
}
