package io.ctimw.adapters.http;

import io.ctimw.core.port.in.AdminSessionsUseCase;
import io.ctimw.core.port.in.AdminUsersUseCase;
import io.ctimw.core.port.in.AuditUseCase;

/**
 * The admin API's use cases, one per part; a part left null is not served (its routes answer 404).
 * Who may call them is the core's decision (administrators only), not this adapter's.
 */
public record AdminApi(AdminUsersUseCase users, AdminSessionsUseCase sessions, AuditUseCase audit) {
    /** No admin API at all. */
    public static final AdminApi NONE = new AdminApi(null, null, null);
}
