package io.ctimw.core;

import io.ctimw.core.access.AccessGuard;
import io.ctimw.core.audit.AuditReader;
import io.ctimw.core.control.CommandCatalog;
import io.ctimw.core.port.in.AdminUseCases;
import io.ctimw.core.port.in.OverviewUseCase;
import io.ctimw.core.port.in.RequestLogUseCase;
import io.ctimw.core.session.AdminSessions;
import io.ctimw.core.session.AdminUsers;
import io.ctimw.core.session.AuthenticationService;
import io.ctimw.core.session.SessionCache;
import io.ctimw.core.session.UserAdministration;
import java.time.Duration;
import java.util.function.Supplier;

/** The admin API's services, built over the parts of the core they administer. */
final class AdminParts {
    private AdminParts() {
    }

    /** What the admin services need from the rest of the core. */
    record Needs(AccessGuard access, UserAdministration users, CommandCatalog catalog, SessionCache cache,
                 AuthenticationService authentication, Supplier<Duration> idleTimeout, RunTimeParts runTime,
                 RequestLogUseCase requestLog, OverviewUseCase overview) {}

    static AdminUseCases build(CorePorts ports, Needs n) {
        return AdminUseCases.of(
                new AdminUsers(n.access(), ports.users(), n.users(), n.catalog(), ports.clock(), n.idleTimeout(),
                        ports.audit()),
                new AdminSessions(n.access(), ports.sessions(), n.cache(), n.authentication(), ports.events(),
                        ports.clock(), n.idleTimeout(), ports.audit()),
                new AuditReader(ports.auditArchive(), n.access()),
                n.runTime().settings(), n.runTime().throttleAdministration(), n.requestLog(), n.overview());
    }
}
