package io.ctimw.adapters.postgres;

import io.ctimw.core.model.AuditAction;
import io.ctimw.core.model.AuditEntry;
import io.ctimw.core.model.AuditPage;
import io.ctimw.core.model.AuditQuery;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.StoredAuditEntry;
import io.ctimw.core.port.out.AuditArchive;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** {@link AuditArchive} on the {@code audit_trail} table (migration V6). */
public final class JdbiAuditArchive implements AuditArchive {
    private static final String COLUMNS = "id, at, action, actor, address, target, before_value, after_value, detail";

    private final GuardedJdbi db;

    public JdbiAuditArchive(Jdbi jdbi) {
        this.db = new GuardedJdbi(jdbi, "audit archive");
    }

    /** One statement per batch; {@code with ordinality} keeps the ids in the order given. */
    @Override
    public void append(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        db.withHandle(h -> h.createUpdate("""
                        insert into audit_trail (at, action, actor, address, target, before_value, after_value, detail)
                        select cast(v.at as timestamptz), v.action, v.actor, v.address, v.target, v.b, v.a, v.detail
                        from unnest(cast(:at as text[]), cast(:action as text[]), cast(:actor as text[]),
                                    cast(:address as text[]), cast(:target as text[]), cast(:before as text[]),
                                    cast(:after as text[]), cast(:detail as text[]))
                             with ordinality as v(at, action, actor, address, target, b, a, detail, n)
                        order by v.n""")
                .bindArray("at", String.class, column(entries, e -> Timestamps.toDbText(e.at())))
                .bindArray("action", String.class, column(entries, e -> e.action().wireName()))
                .bindArray("actor", String.class, column(entries, e -> e.actor() == null ? null : e.actor().value()))
                .bindArray("address", String.class, column(entries, AuditEntry::address))
                .bindArray("target", String.class, column(entries, AuditEntry::target))
                .bindArray("before", String.class, column(entries, AuditEntry::before))
                .bindArray("after", String.class, column(entries, AuditEntry::after))
                .bindArray("detail", String.class, column(entries, AuditEntry::detail))
                .execute());
    }

    // text cannot hold NUL: a client-supplied cid with one must not make the whole batch unstorable.
    private static Object[] column(List<AuditEntry> entries, Function<AuditEntry, String> field) {
        return entries.stream().map(field).map(s -> s == null ? null : s.replace('\0', '\uFFFD')).toArray();
    }

    @Override
    public AuditPage page(AuditQuery q) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from audit_trail where true");
        Map<String, Object> binds = new LinkedHashMap<>();
        filter(sql, binds, "action = :action", "action", q.action() == null ? null : q.action().wireName());
        filter(sql, binds, "actor = :actor", "actor", q.actor() == null ? null : q.actor().value());
        filter(sql, binds, "target = :target", "target", q.target());
        filter(sql, binds, "at >= :from", "from", q.from() == null ? null : Timestamps.toDb(q.from()));
        filter(sql, binds, "at < :to", "to", q.to() == null ? null : Timestamps.toDb(q.to()));
        // A cursor whose entry retention has deleted compares with null: an empty page, never a wrong one.
        filter(sql, binds, "(at, id) < (select at, id from audit_trail where id = :before)", "before",
                q.before().isPresent() ? q.before().getAsLong() : null);
        sql.append(" order by at desc, id desc limit :limit");
        binds.put("limit", q.limit() + 1);
        List<StoredAuditEntry> read = db.withHandle(h -> {
            Query query = h.createQuery(sql.toString());
            binds.forEach(query::bind);
            return query.map((rs, ctx) -> row(rs)).list();
        });
        return AuditPage.of(read, q.limit());
    }

    private static void filter(StringBuilder sql, Map<String, Object> binds, String clause, String name, Object value) {
        if (value != null) {
            sql.append(" and ").append(clause);
            binds.put(name, value);
        }
    }

    private static StoredAuditEntry row(ResultSet rs) throws SQLException {
        String actor = rs.getString("actor");
        String wire = rs.getString("action");
        AuditAction action = AuditAction.fromWireName(wire).orElseThrow(() ->
                new IllegalStateException("audit_trail holds an action this release does not know: " + wire));
        return new StoredAuditEntry(rs.getLong("id"), new AuditEntry(Timestamps.read(rs, "at"), action,
                actor == null ? null : new Login(actor), rs.getString("address"), rs.getString("target"),
                rs.getString("before_value"), rs.getString("after_value"), rs.getString("detail")));
    }

    @Override
    public int deleteRecordedBefore(Instant cutoff) {
        return db.withHandle(h -> h.createUpdate("delete from audit_trail where at < :cutoff")
                .bind("cutoff", Timestamps.toDb(cutoff))
                .execute());
    }
}
