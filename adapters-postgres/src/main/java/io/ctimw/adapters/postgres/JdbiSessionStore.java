package io.ctimw.adapters.postgres;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.TokenHash;
import io.ctimw.core.port.out.SessionStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link SessionStore} on the {@code sessions} table. A session is live while
 * {@code now < expires_at and last_seen_at > idleBefore}, exactly as {@link Session#isLive}.
 */
public final class JdbiSessionStore implements SessionStore {
    private static final SessionMapper MAPPER = new SessionMapper();

    private final GuardedJdbi db;

    public JdbiSessionStore(Jdbi jdbi) {
        this.db = new GuardedJdbi(jdbi, "session store");
    }

    /** Saving a token hash that exists already replaces that session. */
    @Override
    public void save(Session s) {
        db.withHandle(h -> h.createUpdate("""
                        insert into sessions (token_hash, login, created_at, last_seen_at, expires_at, delivered_cursor,
                                              client_address)
                        values (:hash, :login, :createdAt, :lastSeenAt, :expiresAt, :cursor, :address)
                        on conflict (token_hash) do update set
                            login = excluded.login, created_at = excluded.created_at,
                            last_seen_at = excluded.last_seen_at, expires_at = excluded.expires_at,
                            delivered_cursor = excluded.delivered_cursor, client_address = excluded.client_address""")
                .bind("hash", s.tokenHash().hex())
                .bind("login", s.login().value())
                .bind("createdAt", Timestamps.toDb(s.createdAt()))
                .bind("lastSeenAt", Timestamps.toDb(s.lastSeenAt()))
                .bind("expiresAt", Timestamps.toDb(s.expiresAt()))
                .bind("cursor", s.deliveredCursor())
                .bind("address", s.clientAddress())
                .execute());
    }

    @Override
    public Optional<Session> find(TokenHash tokenHash) {
        return db.withHandle(h -> h.createQuery(
                        "select " + SessionMapper.COLUMNS + " from sessions where token_hash = :hash")
                .bind("hash", tokenHash.hex())
                .map(MAPPER)
                .findOne());
    }

    /** The guard in the where clause also skips writing a row version when nothing would change. */
    @Override
    public void touch(TokenHash tokenHash, Instant lastSeenAt) {
        db.withHandle(h -> h.createUpdate(
                        "update sessions set last_seen_at = :t where token_hash = :hash and last_seen_at < :t")
                .bind("t", Timestamps.toDb(lastSeenAt))
                .bind("hash", tokenHash.hex())
                .execute());
    }

    @Override
    public void advanceCursors(Map<TokenHash, Long> cursors) {
        if (cursors.isEmpty()) {
            return;
        }
        String[] hashes = new String[cursors.size()];
        Long[] values = new Long[cursors.size()];
        int i = 0;
        for (Map.Entry<TokenHash, Long> e : cursors.entrySet()) {
            hashes[i] = e.getKey().hex();
            values[i++] = e.getValue();
        }
        // One statement for the whole batch: positions are written behind, once a second.
        db.withHandle(h -> h.createUpdate("""
                        update sessions s set delivered_cursor = v.cursor
                        from unnest(cast(:hashes as text[]), cast(:cursors as bigint[])) as v(hash, cursor)
                        where s.token_hash = v.hash and s.delivered_cursor < v.cursor""")
                .bindArray("hashes", String.class, (Object[]) hashes)
                .bindArray("cursors", Long.class, (Object[]) values)
                .execute());
    }

    @Override
    public boolean delete(TokenHash tokenHash) {
        return db.withHandle(h -> h.createUpdate("delete from sessions where token_hash = :hash")
                .bind("hash", tokenHash.hex())
                .execute()) > 0;
    }

    @Override
    public List<Session> deleteExpired(Instant now, Instant idleBefore) {
        return db.withHandle(h -> h.createQuery("delete from sessions where expires_at <= :now or last_seen_at <= :idleBefore"
                        + " returning " + SessionMapper.COLUMNS)
                .bind("now", Timestamps.toDb(now))
                .bind("idleBefore", Timestamps.toDb(idleBefore))
                .map(MAPPER)
                .list());
    }

    @Override
    public Set<Login> loginsWithLiveSessions(Instant now, Instant idleBefore) {
        return db.withHandle(h -> h.createQuery(
                        "select distinct login from sessions where expires_at > :now and last_seen_at > :idleBefore")
                .bind("now", Timestamps.toDb(now))
                .bind("idleBefore", Timestamps.toDb(idleBefore))
                .map((rs, ctx) -> new Login(rs.getString("login")))
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    @Override
    public List<Session> deleteAllOf(Login login) {
        return db.withHandle(h -> h.createQuery(
                        "delete from sessions where login = :login returning " + SessionMapper.COLUMNS)
                .bind("login", login.value())
                .map(MAPPER)
                .list());
    }

    @Override
    public List<Session> live(Instant now, Instant idleBefore) {
        return db.withHandle(h -> h.createQuery("select " + SessionMapper.COLUMNS + " from sessions"
                        + " where expires_at > :now and last_seen_at > :idleBefore"
                        + " order by login collate \"C\", created_at, token_hash")
                .bind("now", Timestamps.toDb(now))
                .bind("idleBefore", Timestamps.toDb(idleBefore))
                .map(MAPPER)
                .list());
    }
}
