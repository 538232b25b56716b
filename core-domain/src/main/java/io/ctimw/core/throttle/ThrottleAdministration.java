package io.ctimw.core.throttle;

import io.ctimw.core.access.AccessGuard;
import io.ctimw.core.model.AuditAction;
import io.ctimw.core.model.AuditEntry;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.Session;
import io.ctimw.core.port.in.LoginThrottleUseCase;
import io.ctimw.core.port.out.AuditTrail;
import java.time.Clock;

/** The login throttle's use case: an administrator unblocking a login; audited. */
public final class ThrottleAdministration implements LoginThrottleUseCase {
    private final LoginThrottle throttle;
    private final AccessGuard access;
    private final AuditTrail audit;
    private final Clock clock;

    public ThrottleAdministration(LoginThrottle throttle, AccessGuard access, AuditTrail audit, Clock clock) {
        this.throttle = throttle;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public boolean unblock(Session caller, Login login) {
        access.requireAdmin(caller);
        boolean had = throttle.resetThrottle(login);
        audit.record(AuditEntry.event(clock.instant(), AuditAction.LOGIN_THROTTLE_RESET, caller.login(), null,
                login.value(), had ? "failed logins forgotten" : "no failed logins on record"));
        return had;
    }
}
