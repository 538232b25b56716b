package io.ctimw.core.port.in;

/**
 * Everything the admin API offers, one use case per part. Each method takes the caller's session and
 * lets administrators only (the core decides, not the adapter). A part left null is not offered.
 */
public record AdminUseCases(AdminUsersUseCase users, AdminSessionsUseCase sessions, AuditUseCase audit,
                            SettingsUseCase settings, LoginThrottleUseCase loginThrottle) {
    /** No admin API at all. */
    public static final AdminUseCases NONE = new AdminUseCases(null, null, null, null, null);
}
