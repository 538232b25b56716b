package io.ctimw.core.port.in;

/**
 * Everything the admin API offers, one use case per part. Each method of those takes the caller's session
 * and lets administrators only (the core decides, not the adapter). A part that is null is not offered.
 * The request log also takes every answered API request (recording needs no administrator).
 */
public interface AdminUseCases {
    /** No admin API at all (and no request log). */
    AdminUseCases NONE = of(null, null, null, null, null, null);

    AdminUsersUseCase users();

    AdminSessionsUseCase sessions();

    AuditUseCase audit();

    SettingsUseCase settings();

    LoginThrottleUseCase loginThrottle();

    RequestLogUseCase requestLog();

    /** The dashboard's figures. */
    OverviewUseCase overview();

    /** Without the dashboard's figures. */
    static AdminUseCases of(AdminUsersUseCase users, AdminSessionsUseCase sessions, AuditUseCase audit,
                            SettingsUseCase settings, LoginThrottleUseCase loginThrottle, RequestLogUseCase requestLog) {
        return of(users, sessions, audit, settings, loginThrottle, requestLog, null);
    }

    static AdminUseCases of(AdminUsersUseCase users, AdminSessionsUseCase sessions, AuditUseCase audit,
                            SettingsUseCase settings, LoginThrottleUseCase loginThrottle, RequestLogUseCase requestLog,
                            OverviewUseCase overview) {
        return new Parts(users, sessions, audit, settings, loginThrottle, requestLog, overview);
    }

    /** The parts as given. */
    record Parts(AdminUsersUseCase users, AdminSessionsUseCase sessions, AuditUseCase audit, SettingsUseCase settings,
                 LoginThrottleUseCase loginThrottle, RequestLogUseCase requestLog, OverviewUseCase overview)
            implements AdminUseCases {}
}
