package io.ctimw.core.port.in;

import io.ctimw.core.model.AuditPage;
import io.ctimw.core.model.AuditQuery;
import io.ctimw.core.model.Session;

/** Administrators reading the audit trail (security events and administrators' changes). */
public interface AuditUseCase {
    /**
     * @throws AccessDeniedException when the caller is not an administrator (the attempt is audited)
     * @throws io.ctimw.core.port.out.StoreUnavailableException when the archive cannot be read
     */
    AuditPage read(Session caller, AuditQuery query);
}
