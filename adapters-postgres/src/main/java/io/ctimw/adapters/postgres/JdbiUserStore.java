package io.ctimw.adapters.postgres;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.User;
import io.ctimw.core.model.UserQuery;
import io.ctimw.core.model.UserSummary;
import io.ctimw.core.port.out.DuplicateUserException;
import io.ctimw.core.port.out.UserStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link UserStore} on the {@code users} table. */
public final class JdbiUserStore implements UserStore {
    private static final UserMapper MAPPER = new UserMapper();

    private final GuardedJdbi db;

    public JdbiUserStore(Jdbi jdbi) {
        this.db = new GuardedJdbi(jdbi, "user store");
    }

    @Override
    public Optional<User> find(Login login) {
        return db.withHandle(h -> h.createQuery("select " + UserMapper.COLUMNS + " from users where login = :login")
                .bind("login", login.value())
                .map(MAPPER)
                .findOne());
    }

    @Override
    public void add(User user) {
        try {
            db.withHandle(h -> h.createUpdate("""
                            insert into users (login, password_hash, enabled, created_at, role, grants, last_login_at)
                            values (:login, :hash, :enabled, :createdAt, :role, :grants, :lastLoginAt)""")
                    .bind("login", user.login().value())
                    .bind("hash", user.passwordHash())
                    .bind("enabled", user.enabled())
                    .bind("createdAt", Timestamps.toDb(user.createdAt()))
                    .bind("role", user.role().wireName())
                    .bindArray("grants", String.class, user.grants().names())
                    .bind("lastLoginAt", user.lastLoginAt() == null ? null : Timestamps.toDb(user.lastLoginAt()))
                    .execute());
        } catch (RuntimeException e) {
            if (SqlFailures.isUniqueViolation(e)) {
                throw new DuplicateUserException(user.login().value());
            }
            throw e;
        }
    }

    @Override
    public boolean update(User user) {
        return db.withHandle(h -> h.createUpdate("""
                        update users set password_hash = :hash, enabled = :enabled, role = :role, grants = :grants
                        where login = :login""")
                .bind("hash", user.passwordHash())
                .bind("enabled", user.enabled())
                .bind("role", user.role().wireName())
                .bindArray("grants", String.class, user.grants().names())
                .bind("login", user.login().value())
                .execute()) > 0;
    }

    @Override
    public boolean replace(User expected, User changed) {
        if (!expected.login().equals(changed.login())) {
            throw new IllegalArgumentException("replace changes one user, not " + expected.login() + " into another");
        }
        return db.withHandle(h -> h.createUpdate("""
                        update users set password_hash = :hash, enabled = :enabled, role = :role, grants = :grants
                        where login = :login and password_hash = :oldHash and enabled = :oldEnabled
                          and role = :oldRole and grants @> cast(:oldGrants as text[]) and grants <@ cast(:oldGrants as text[])""")
                .bind("hash", changed.passwordHash())
                .bind("enabled", changed.enabled())
                .bind("role", changed.role().wireName())
                .bindArray("grants", String.class, changed.grants().names())
                .bind("login", changed.login().value())
                .bind("oldHash", expected.passwordHash())
                .bind("oldEnabled", expected.enabled())
                .bind("oldRole", expected.role().wireName())
                .bindArray("oldGrants", String.class, expected.grants().names())
                .execute()) > 0;
    }

    @Override
    public void recordLogin(Login login, Instant at) {
        db.withHandle(h -> h.createUpdate("update users set last_login_at = :at where login = :login")
                .bind("at", Timestamps.toDb(at))
                .bind("login", login.value())
                .execute());
    }

    /** Ordered by code point ({@code collate "C"}) to match {@link Login#compareTo}, whatever the locale. */
    @Override
    public List<User> all() {
        return db.withHandle(h -> h.createQuery("select " + UserMapper.COLUMNS + " from users order by login collate \"C\"")
                .map(MAPPER)
                .list());
    }

    /**
     * One statement: the filters and the page in the where clause (keyset paging on the primary key),
     * each user's live sessions counted by a correlated sub-query on the sessions' login index.
     */
    @Override
    public List<UserSummary> list(UserQuery query, Instant now, Instant idleBefore) {
        return db.withHandle(h -> h.createQuery("select " + UserMapper.COLUMNS + ", (select count(*) from sessions s"
                        + " where s.login = u.login and s.expires_at > :now and s.last_seen_at > :idleBefore) as live"
                        + " from users u where (cast(:login as text) is null or login = :login)"
                        + " and (cast(:q as text) is null or strpos(login, :q) > 0)"
                        + " and (cast(:role as text) is null or role = :role)"
                        + " and (cast(:enabled as boolean) is null or enabled = :enabled)"
                        + " and (cast(:after as text) is null or login collate \"C\" > :after)"
                        + " order by login collate \"C\" limit :limit")
                .bind("now", Timestamps.toDb(now))
                .bind("idleBefore", Timestamps.toDb(idleBefore))
                .bind("login", query.login() == null ? null : query.login().value())
                .bind("q", query.loginContains())
                .bind("role", query.role() == null ? null : query.role().wireName())
                .bind("enabled", query.enabled())
                .bind("after", query.after() == null ? null : query.after().value())
                .bind("limit", query.limit())
                .map((rs, ctx) -> new UserSummary(MAPPER.map(rs, ctx), rs.getInt("live")))
                .list());
    }
}
