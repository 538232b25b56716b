package io.ctimw.core.audit;

import io.ctimw.core.access.AccessGuard;
import io.ctimw.core.model.AuditPage;
import io.ctimw.core.model.AuditQuery;
import io.ctimw.core.model.Session;
import io.ctimw.core.port.in.AuditUseCase;
import io.ctimw.core.port.out.AuditArchive;

/** Serves the audit trail to administrators only: the role is checked before the archive is touched. */
public final class AuditReader implements AuditUseCase {
    private final AuditArchive archive;
    private final AccessGuard access;

    public AuditReader(AuditArchive archive, AccessGuard access) {
        this.archive = archive;
        this.access = access;
    }

    @Override
    public AuditPage read(Session caller, AuditQuery query) {
        access.requireAdmin(caller);
        return archive.page(query);
    }
}
