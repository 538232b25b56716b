package io.ctimw.core.access;

import io.ctimw.core.model.AuditAction;
import io.ctimw.core.model.AuditEntry;
import io.ctimw.core.model.Grant;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.Role;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.User;
import io.ctimw.core.port.in.AccessDeniedException;
import io.ctimw.core.port.out.AuditTrail;
import java.lang.System.Logger.Level;
import java.time.Clock;

/**
 * Decides, on every request and before anything is sent or changed, whether the session's user may use
 * an API method: agents need the method's grant, the admin API needs the admin role. Roles and grants
 * are read from the {@link UserDirectory}, so a change applies to the very next request.
 */
public final class AccessGuard {
    private static final System.Logger LOG = System.getLogger(AccessGuard.class.getName());

    private final UserDirectory users;
    private final AuditTrail audit;
    private final Clock clock;

    public AccessGuard(UserDirectory users, AuditTrail audit, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** @throws AccessDeniedException naming the grant when the user's grants do not cover it */
    public void require(Session session, Grant needed) {
        User user = current(session.login());
        if (user == null || !user.grants().covers(needed)) {
            deny(session.login(), needed.value(), AuditAction.FORBIDDEN_METHOD);
        }
    }

    /** @throws AccessDeniedException when the user is not an administrator */
    public void requireAdmin(Session session) {
        User user = current(session.login());
        if (user == null || user.role() != Role.ADMIN) {
            deny(session.login(), "role admin", AuditAction.ADMIN_DENIED);
        }
    }

    /**
     * Records a command that named a call the caller does not have (another agent's, an ended one or a
     * guessed cid): the command is refused and never sent, and administrators see who tried which cid.
     */
    public void foreignCall(Session session, String command, String cid) {
        audit.record(AuditEntry.event(clock.instant(), AuditAction.FOREIGN_CALL, session.login(), null, cid, command));
    }

    /** The session's user as this instance knows it now: the role and grants its next request is checked against. */
    public java.util.Optional<User> userOf(Session session) {
        return users.find(session.login());
    }

    /** Whether the user exists and is enabled: a blocked user's sessions end at its next request. */
    public boolean mayStayLoggedIn(Login login) {
        User user = current(login);
        return user != null && user.enabled();
    }

    private User current(Login login) {
        return users.find(login).orElse(null);
    }

    private void deny(Login login, String missing, AuditAction action) {
        LOG.log(Level.WARNING, "access denied: {0} lacks {1}", login, missing);
        audit.record(AuditEntry.event(clock.instant(), action, login, null, missing, null));
        throw new AccessDeniedException(missing);
    }
}
