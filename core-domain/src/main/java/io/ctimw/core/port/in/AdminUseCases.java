package io.ctimw.core.port.in;

/**
 * Everything the admin API offers, one use case per part. Each method takes the caller's session and
 * lets administrators only (the core decides, not the adapter). A part left null is not offered.
 * The request log also takes every answered API request (recording needs no administrator).
 */
public record AdminUseCases(AdminUsersUseCase users, AdminSessionsUseCase sessions, AuditUseCase audit,
                            SettingsUseCase settings, LoginThrottleUseCase loginThrottle, RequestLogUseCase requestLog) {
    /** No admin API at all (and no request log). */
    public static final AdminUseCases NONE = new AdminUseCases(null, null, null, null, null, null);
}
