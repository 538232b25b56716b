package io.ctimw.adapters.postgres;

import io.ctimw.core.model.CommandId;
import io.ctimw.core.model.CommandOutcome;
import io.ctimw.core.model.CommandRecord;
import io.ctimw.core.model.IdempotencyKey;
import io.ctimw.core.model.Login;
import io.ctimw.core.port.out.CommandLedger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link CommandLedger} on the {@code command_ledger} table (migration V11). A key is claimed by an insert
 * that does nothing on the unique (login, idem_key): of two instances claiming one key, the second waits
 * for the first's commit and then reads its row.
 */
public final class JdbiCommandLedger implements CommandLedger {
    private static final String COLUMNS = "id, login, name, fields, issued_at, idem_key, fingerprint, status,"
            + " reply_name, reply, completed_at";

    /** Ids are ASCII letters, digits, _ and -, compared byte by byte (collate "C"): all sort below DEL. */
    private static final String ABOVE_EVERY_ID = "\u007f";

    private final GuardedJdbi db;

    public JdbiCommandLedger(Jdbi jdbi) {
        this.db = new GuardedJdbi(jdbi, "command ledger");
    }

    @Override
    public Optional<CommandRecord> claim(CommandRecord entry, Instant keysSince) {
        return db.withHandle(h -> h.inTransaction(tx -> {
            if (entry.key() != null) { // an expired key is given up by its holder, which keeps its row
                tx.createUpdate("update command_ledger set idem_key = null"
                                + " where login = :login and idem_key = :key and issued_at < :since")
                        .bind("login", entry.login().value()).bind("key", entry.key().value())
                        .bind("since", Timestamps.toDb(keysSince)).execute();
            }
            int inserted = tx.createUpdate("insert into command_ledger (" + COLUMNS + ") values (:id, :login, :name,"
                            + " :fields, :at, :key, :fingerprint, :status, null, null, null)"
                            + " on conflict (login, idem_key) do nothing")
                    .bind("id", entry.id().value()).bind("login", entry.login().value()).bind("name", entry.name())
                    .bind("fields", entry.fieldsJson()).bind("at", Timestamps.toDb(entry.at()))
                    .bind("key", entry.key() == null ? null : entry.key().value())
                    .bind("fingerprint", entry.fingerprint()).bind("status", entry.outcome().status().code())
                    .execute();
            if (inserted == 1) {
                return Optional.<CommandRecord>empty();
            }
            return Optional.of(byKey(tx, entry.login(), entry.key(), keysSince).orElseThrow(
                    () -> new IllegalStateException("key of " + entry.login() + " taken, yet no holder found")));
        }));
    }

    @Override
    public void complete(CommandId id, CommandOutcome outcome, Instant at, boolean releaseKey) {
        db.withHandle(h -> h.createUpdate("update command_ledger set status = :status, reply_name = :replyName,"
                        + " reply = :reply, completed_at = :at" + (releaseKey ? ", idem_key = null" : "") + " where id = :id")
                .bind("id", id.value()).bind("status", outcome.status().code())
                .bind("replyName", storable(outcome.replyName())).bind("reply", storable(outcome.reply()))
                .bind("at", Timestamps.toDb(at)).execute());
    }

    @Override
    public Optional<CommandRecord> find(Login login, CommandId id) {
        return db.withHandle(h -> h.createQuery("select " + COLUMNS + " from command_ledger"
                        + " where id = :id and login = :login")
                .bind("id", id.value()).bind("login", login.value()).map((rs, ctx) -> read(rs)).findOne());
    }

    @Override
    public Optional<CommandRecord> findByKey(Login login, IdempotencyKey key, Instant since) {
        return db.withHandle(h -> byKey(h, login, key, since));
    }

    @Override
    public List<CommandRecord> recent(Login login, CommandId before, int limit) {
        return db.withHandle(h -> h.createQuery("select " + COLUMNS + " from command_ledger where login = :login"
                        + " and id < :before order by id desc limit :limit")
                .bind("login", login.value()).bind("before", before == null ? ABOVE_EVERY_ID : before.value())
                .bind("limit", limit).map((rs, ctx) -> read(rs)).list());
    }

    @Override
    public int deleteIssuedBefore(Instant cutoff) {
        return db.withHandle(h -> h.createUpdate("delete from command_ledger where issued_at < :cutoff")
                .bind("cutoff", Timestamps.toDb(cutoff)).execute());
    }

    private static Optional<CommandRecord> byKey(Handle h, Login login, IdempotencyKey key, Instant since) {
        return h.createQuery("select " + COLUMNS + " from command_ledger"
                        + " where login = :login and idem_key = :key and issued_at >= :since")
                .bind("login", login.value()).bind("key", key.value()).bind("since", Timestamps.toDb(since))
                .map((rs, ctx) -> read(rs)).findOne();
    }

    private static CommandRecord read(ResultSet rs) throws SQLException {
        String key = rs.getString("idem_key");
        OffsetDateTime completed = rs.getObject("completed_at", OffsetDateTime.class);
        return new CommandRecord(new CommandId(rs.getString("id")), new Login(rs.getString("login")),
                rs.getString("name"), rs.getString("fields"), Timestamps.read(rs, "issued_at"),
                key == null ? null : new IdempotencyKey(key), rs.getString("fingerprint"),
                new CommandOutcome(CommandOutcome.Status.ofCode(rs.getString("status")), rs.getString("reply_name"),
                        rs.getString("reply")), completed == null ? null : completed.toInstant());
    }

    /** PostgreSQL text cannot hold NUL, which a CTI's free-text description might. */
    private static String storable(String text) {
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }
}
