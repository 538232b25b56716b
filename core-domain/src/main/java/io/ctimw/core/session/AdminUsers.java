package io.ctimw.core.session;

import io.ctimw.core.access.AccessGuard;
import io.ctimw.core.control.CommandCatalog;
import io.ctimw.core.model.AdminOutcome;
import io.ctimw.core.model.AuditAction;
import io.ctimw.core.model.AuditEntry;
import io.ctimw.core.model.Grants;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.NewUser;
import io.ctimw.core.model.Role;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.User;
import io.ctimw.core.model.UserChange;
import io.ctimw.core.model.UserPage;
import io.ctimw.core.model.UserQuery;
import io.ctimw.core.model.UserSummary;
import io.ctimw.core.port.in.AdminUsersUseCase;
import io.ctimw.core.port.out.AuditTrail;
import io.ctimw.core.port.out.DuplicateUserException;
import io.ctimw.core.port.out.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The admin API's user accounts: lists, adds and changes users for an administrator, applying each change
 * through {@link UserAdministration} (so a block ends sessions and releases the phone exactly as the
 * {@code users} command does) and auditing it. Refuses a change that would leave no enabled administrator.
 */
public final class AdminUsers implements AdminUsersUseCase {
    private final AccessGuard access;
    private final UserStore users;
    private final UserAdministration admin;
    private final CommandCatalog catalog;
    private final Clock clock;
    private final Supplier<Duration> idleTimeout;
    private final AuditTrail audit;

    public AdminUsers(AccessGuard access, UserStore users, UserAdministration admin, CommandCatalog catalog,
                      Clock clock, Supplier<Duration> idleTimeout, AuditTrail audit) {
        this.access = access;
        this.users = users;
        this.admin = admin;
        this.catalog = catalog;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.audit = audit;
    }

    @Override
    public UserPage list(Session caller, UserQuery query) {
        access.requireAdmin(caller);
        List<UserSummary> rows = summaries(query.withLimit(query.limit() + 1)); // one more: is there a next page?
        if (rows.size() <= query.limit()) {
            return new UserPage(rows, null);
        }
        List<UserSummary> page = rows.subList(0, query.limit());
        return new UserPage(page, page.get(page.size() - 1).user().login());
    }

    @Override
    public AdminOutcome<UserSummary> get(Session caller, Login login) {
        access.requireAdmin(caller);
        return summary(login).<AdminOutcome<UserSummary>>map(AdminOutcome.Done::new).orElseGet(() -> notFound(login));
    }

    @Override
    public AdminOutcome<UserSummary> add(Session caller, NewUser request) {
        access.requireAdmin(caller);
        Role role = request.role() == null ? Role.AGENT : request.role();
        User user;
        try {
            request.password().requireStrongEnough();
        } catch (IllegalArgumentException e) {
            return new AdminOutcome.Invalid<>("password", e.getMessage());
        }
        try {
            user = request.grants() == null ? admin.add(request.login(), request.password(), role)
                    : admin.add(request.login(), request.password(), role, grants(request.grants()));
        } catch (DuplicateUserException e) {
            return new AdminOutcome.Exists<>("user " + request.login() + " exists already");
        } catch (IllegalArgumentException e) {
            return new AdminOutcome.Invalid<>("grants", e.getMessage());
        }
        audit.record(new AuditEntry(clock.instant(), AuditAction.USER_ADDED, caller.login(), caller.clientAddress(),
                user.login().value(), null, describe(user), null));
        return new AdminOutcome.Done<>(new UserSummary(user, 0));
    }

    /** Synchronized so two administrators of this instance cannot each demote the other, the last two. */
    @Override
    public synchronized AdminOutcome<UserSummary> change(Session caller, Login login, UserChange change) {
        access.requireAdmin(caller);
        Optional<User> before = users.find(login);
        if (before.isEmpty()) {
            return notFound(login);
        }
        UnaryOperator<User> edit;
        try {
            if (change.password() != null) {
                change.password().requireStrongEnough();
            }
        } catch (IllegalArgumentException e) {
            return new AdminOutcome.Invalid<>("password", e.getMessage());
        }
        try {
            edit = edit(change);
        } catch (IllegalArgumentException e) {
            return new AdminOutcome.Invalid<>("grants", e.getMessage());
        }
        if (isEnabledAdmin(before.get()) && !isEnabledAdmin(edit.apply(before.get()))
                && summaries(UserQuery.enabledAdmins(2)).size() < 2) {
            return new AdminOutcome.LastAdmin<>(login + " is the last enabled administrator: it cannot be blocked"
                    + " or demoted until another administrator is enabled");
        }
        Optional<User> after = admin.change(login, edit, change.endsSessions());
        if (after.isEmpty()) { // deleted meanwhile
            return notFound(login);
        }
        audit.record(new AuditEntry(clock.instant(), AuditAction.USER_CHANGED, caller.login(), caller.clientAddress(),
                login.value(), describe(before.get()), describe(after.get()),
                change.password() == null ? null : "password changed"));
        return new AdminOutcome.Done<>(summary(login).orElse(new UserSummary(after.get(), 0)));
    }

    /** The whole change as one edit, validated (hash, grants) before anything is stored. */
    private UnaryOperator<User> edit(UserChange change) {
        String hash = change.password() == null ? null : admin.hash(change.password());
        Grants grants = change.grants() == null ? null : grants(change.grants());
        return u -> {
            User edited = hash == null ? u : u.withPasswordHash(hash);
            edited = change.role() == null ? edited : edited.withRole(change.role());
            edited = change.enabled() == null ? edited : edited.withEnabled(change.enabled());
            return grants == null ? edited : edited.withGrants(grants);
        };
    }

    /** @throws IllegalArgumentException naming a malformed grant or one naming no command of the catalog */
    private Grants grants(List<String> values) {
        return catalog.requireKnown(Grants.parse(values));
    }

    private static boolean isEnabledAdmin(User user) {
        return user.enabled() && user.role() == Role.ADMIN;
    }

    private List<UserSummary> summaries(UserQuery query) {
        Instant now = clock.instant();
        return users.list(query, now, now.minus(idleTimeout.get()));
    }

    private Optional<UserSummary> summary(Login login) {
        return summaries(UserQuery.only(login)).stream().findFirst();
    }

    private static <T> AdminOutcome<T> notFound(Login login) {
        return new AdminOutcome.NotFound<>("no user " + login);
    }

    /** What the audit shows of a user: never the password hash. */
    private static String describe(User user) {
        return "role=" + user.role() + " enabled=" + user.enabled() + " grants=" + user.grants();
    }
}
