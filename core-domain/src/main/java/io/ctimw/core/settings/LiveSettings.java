package io.ctimw.core.settings;

import io.ctimw.core.control.CommandCatalog;
import io.ctimw.core.model.Grants;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.SessionPolicy;
import io.ctimw.core.model.ThrottlePolicy;
import io.ctimw.core.port.in.InvalidSettingException;
import io.ctimw.core.port.in.SettingsUseCase.SettingView;
import io.ctimw.core.port.out.SettingStore;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The run-time settings in effect: the config file's values, overridden by the values administrators
 * stored. Readers get the current value on every call (lock-free: one immutable snapshot, swapped whole);
 * changes are validated, stored, then swapped in, one change set at a time.
 */
public final class LiveSettings {
    private static final System.Logger LOG = System.getLogger(LiveSettings.class.getName());

    /** What is in effect: the values, which of them are stored, and the session policy they make. */
    private record Snapshot(RuntimeSettings values, Map<Setting, Object> stored, SessionPolicy sessions) {}

    /** One setting changed by a change set: its value before and after, in JSON shape. */
    public record Change(Setting setting, Object before, Object after, boolean stored) {}

    private final RuntimeSettings fromFile;
    private final SessionPolicy filePolicy;
    private final CommandCatalog catalog;
    private final SettingStore store;
    private final AtomicReference<Snapshot> current;

    public LiveSettings(RuntimeSettings fromFile, SessionPolicy filePolicy, SettingStore store) {
        this.fromFile = fromFile;
        this.filePolicy = filePolicy;
        this.catalog = CommandCatalog.standard(fromFile.allowedStates());
        this.store = store;
        this.current = new AtomicReference<>(snapshot(new EnumMap<>(Setting.class)));
    }

    public Grants defaultGrants() {
        return current.get().values().defaultGrants();
    }

    public Set<String> allowedStates() {
        return current.get().values().allowedStates();
    }

    public ThrottlePolicy throttle() {
        return current.get().values().throttle();
    }

    public Duration requestLogRetention() {
        return current.get().values().requestLogRetention();
    }

    /** The file's session lifetimes with the idle timeout in effect. */
    public SessionPolicy sessionPolicy() {
        return current.get().sessions();
    }

    /**
     * Reads the stored values: at start, and to pick up a change made on another instance. A stored value
     * this release cannot use (unknown name, or invalid since the config file changed) is skipped with a warning.
     */
    public synchronized void reload() {
        Map<Setting, Object> stored = new EnumMap<>(Setting.class);
        store.all().forEach((key, text) -> {
            try {
                Setting setting = Setting.byKey(key).orElseThrow(() -> new IllegalArgumentException("unknown setting"));
                Object value = setting.fromText(text);
                apply(fromFile, setting, value);
                stored.put(setting, value);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "stored setting {0} ignored (the config file''s value applies): {1}",
                        key, e.getMessage());
            }
        });
        current.set(snapshot(stored));
    }

    /**
     * Validates every change (a null value drops the stored one), stores them all, then applies them at once.
     * @return the settings whose value or origin changed
     * @throws InvalidSettingException for the first unknown name or invalid value; nothing is changed then
     */
    public synchronized List<Change> change(Map<String, Object> changes, Login by, Instant at) {
        Snapshot before = current.get();
        Map<Setting, Object> stored = new EnumMap<>(Setting.class);
        stored.putAll(before.stored());
        for (Map.Entry<String, Object> e : changes.entrySet()) {
            Setting setting = Setting.byKey(e.getKey()).orElseThrow(() -> new InvalidSettingException(e.getKey(),
                    "no such setting, or it needs a restart; the settings changed at run time are " + Setting.keys()));
            if (e.getValue() == null) {
                stored.remove(setting);
                continue;
            }
            try {
                stored.put(setting, apply(fromFile, setting, e.getValue()).wire(setting));
            } catch (IllegalArgumentException invalid) {
                throw new InvalidSettingException(setting.key(), invalid.getMessage());
            }
        }
        Snapshot after = snapshot(stored);
        List<Change> changed = new ArrayList<>();
        Map<String, String> save = new LinkedHashMap<>();
        Set<String> removed = new HashSet<>();
        for (Setting s : Setting.values()) {
            Object was = before.values().wire(s);
            Object now = after.values().wire(s);
            boolean storedNow = stored.containsKey(s);
            if (!Objects.equals(was, now) || storedNow != before.stored().containsKey(s)) {
                changed.add(new Change(s, was, now, storedNow));
                if (storedNow) {
                    save.put(s.key(), s.toText(now));
                } else {
                    removed.add(s.key());
                }
            }
        }
        store.save(save, removed, by, at);
        current.set(after);
        return changed;
    }

    public List<SettingView> view() {
        Snapshot now = current.get();
        return java.util.Arrays.stream(Setting.values()).map(s -> new SettingView(s.key(), now.values().wire(s),
                fromFile.wire(s), now.stored().containsKey(s))).toList();
    }

    private Snapshot snapshot(Map<Setting, Object> stored) {
        RuntimeSettings values = fromFile;
        for (Map.Entry<Setting, Object> e : stored.entrySet()) {
            values = values.with(e.getKey(), e.getValue());
        }
        return new Snapshot(values, Map.copyOf(stored), policy(values.idleTimeout()));
    }

    /** The file's values with one setting changed, checked against what only a restart changes. */
    private RuntimeSettings apply(RuntimeSettings base, Setting setting, Object value) {
        RuntimeSettings values = base.with(setting, value);
        catalog.requireKnown(values.defaultGrants());
        policy(values.idleTimeout());
        return values;
    }

    private SessionPolicy policy(Duration idle) {
        if (idle.compareTo(filePolicy.touchInterval()) <= 0 || idle.compareTo(filePolicy.absoluteTimeout()) > 0) {
            throw new IllegalArgumentException("must be longer than sessions.touch-interval ("
                    + SettingValues.format(filePolicy.touchInterval()) + ") and at most sessions.absolute-timeout ("
                    + SettingValues.format(filePolicy.absoluteTimeout()) + ")");
        }
        return new SessionPolicy(idle, filePolicy.absoluteTimeout(), filePolicy.touchInterval(),
                filePolicy.maxConcurrentLogins());
    }
}
