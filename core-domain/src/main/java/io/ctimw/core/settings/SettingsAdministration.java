package io.ctimw.core.settings;

import io.ctimw.core.access.AccessGuard;
import io.ctimw.core.model.AuditAction;
import io.ctimw.core.model.AuditEntry;
import io.ctimw.core.model.Session;
import io.ctimw.core.port.in.SettingsUseCase;
import io.ctimw.core.port.out.AuditTrail;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The settings use case: administrators only; every change is audited with its value before and after. */
public final class SettingsAdministration implements SettingsUseCase {
    private static final System.Logger LOG = System.getLogger(SettingsAdministration.class.getName());

    private final LiveSettings live;
    private final AccessGuard access;
    private final AuditTrail audit;
    private final Clock clock;

    public SettingsAdministration(LiveSettings live, AccessGuard access, AuditTrail audit, Clock clock) {
        this.live = live;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<SettingView> settings(Session caller) {
        access.requireAdmin(caller);
        return live.view();
    }

    @Override
    public List<SettingView> change(Session caller, Map<String, Object> changes) {
        access.requireAdmin(caller);
        Instant now = clock.instant();
        for (LiveSettings.Change c : live.change(changes, caller.login(), now)) {
            String before = c.setting().toText(c.before());
            String after = c.setting().toText(c.after());
            LOG.log(Level.INFO, "setting {0} changed by {1}: {2} -> {3}{4}", c.setting().key(), caller.login(), before,
                    after, c.stored() ? "" : " (the config file's value)");
            audit.record(new AuditEntry(now, AuditAction.SETTINGS_CHANGED, caller.login(), null, c.setting().key(),
                    before, after, c.stored() ? "stored" : "back to the config file's value"));
        }
        return live.view();
    }
}
