package io.ctimw.core;

import io.ctimw.core.port.out.AuditArchive;
import io.ctimw.core.port.out.AuditTrail;
import io.ctimw.core.port.out.CtiGateway;
import io.ctimw.core.port.out.EventStore;
import io.ctimw.core.port.out.IntakeLog;
import io.ctimw.core.port.out.PasswordHasher;
import io.ctimw.core.port.out.SessionStore;
import io.ctimw.core.port.out.SettingStore;
import io.ctimw.core.port.out.TokenGenerator;
import io.ctimw.core.port.out.UserStore;
import io.ctimw.core.settings.UnsavedSettingStore;
import java.time.Clock;
import java.util.Objects;

/** Everything the core needs from the outside world. */
public record CorePorts(UserStore users, SessionStore sessions, EventStore events, CtiGateway cti,
                        PasswordHasher hasher, TokenGenerator tokens, Clock clock, AuditTrail audit,
                        AuditArchive auditArchive, SettingStore settings, IntakeLog intake) {
    public CorePorts {
        for (Object port : new Object[] {users, sessions, events, cti, hasher, tokens, clock, audit, auditArchive,
                settings, intake}) {
            Objects.requireNonNull(port, "every port is required");
        }
    }

    /** Run-time setting changes kept in memory only, no intake log: for tests and the admin commands. */
    public CorePorts(UserStore users, SessionStore sessions, EventStore events, CtiGateway cti,
                     PasswordHasher hasher, TokenGenerator tokens, Clock clock, AuditTrail audit,
                     AuditArchive auditArchive) {
        this(users, sessions, events, cti, hasher, tokens, clock, audit, auditArchive, new UnsavedSettingStore(),
                IntakeLog.none());
    }
}
