package io.ctimw.adapters.postgres;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.PendingEvent;
import io.ctimw.core.model.StoredEvent;
import io.ctimw.core.model.StoredState;
import io.ctimw.core.port.out.EventRefusedException;
import io.ctimw.core.port.out.EventStore;
import io.ctimw.core.port.out.StoreUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link EventStore} on the {@code events} table. This is the hot path: a batch is appended in one
 * statement (one round trip), reads walk the {@code (login, cursor)} index. Events the database
 * refuses go, one by one, to {@code event_quarantine} as raw bytes. The same statement that stores
 * events raises {@code intake_watermark} to their highest intake sequence, so the two commit together.
 */
public final class JdbiEventStore implements EventStore {
    /** A data-modifying CTE runs even unreferenced: one statement, one transaction, one round trip. */
    private static final String RAISE_WATERMARK =
            "with watermark as (update intake_watermark set seq = :intake where node = 'local' and seq < :intake) ";
    /**
     * The batch travels as four parallel text arrays. Rows are inserted in array order, so the
     * identity values they draw increase in that order; sorting the returned cursors therefore pairs
     * them with the batch even though RETURNING itself promises no order. The login states ride along
     * ({@link StateRows#UPSERT}), so events, watermark and states commit together.
     */
    private static final String APPEND = RAISE_WATERMARK + """
            , appended as (
            insert into events (login, name, payload, received_at)
            select e.login, e.name, e.payload::json, e.received_at::timestamptz
            from unnest(cast(:logins as text[]), cast(:names as text[]), cast(:payloads as text[]),
                        cast(:receivedAts as text[])) with ordinality as e(login, name, payload, received_at, ord)
            order by e.ord
            returning cursor, login, received_at)
            """ + StateRows.UPSERT + "select cursor from appended";
    private static final String QUARANTINE = RAISE_WATERMARK
            + "insert into event_quarantine (login, raw, received_at, reason)"
            + " values (:login, :raw, :receivedAt, :reason)";
    private static final String WATERMARK = "select coalesce(max(seq), 0) from intake_watermark where node = 'local'";
    private static final String OWNER = "select owner from intake_watermark where node = 'local'";
    private static final int MAX_REASON = 500;
    private static final String AFTER = "select " + StoredEventMapper.COLUMNS + " from events"
            + " where login = :login and cursor > :after order by cursor limit :limit";
    /** Retention deletes go in chunks so one housekeeping round never holds a huge transaction. */
    private static final String DELETE_CHUNK = """
            delete from events where cursor in (
                select cursor from events where received_at < :cutoff limit :chunk)""";
    private static final int DELETE_CHUNK_SIZE = 10_000;
    private static final StoredEventMapper MAPPER = new StoredEventMapper();

    private final GuardedJdbi db;
    private final StateRows stateRows;

    public JdbiEventStore(Jdbi jdbi) {
        this.db = new GuardedJdbi(jdbi, "event store");
        this.stateRows = new StateRows(db);
    }

    @Override
    public List<StoredEvent> append(List<PendingEvent> batch, Map<Login, String> states) {
        if (batch.isEmpty() && states.isEmpty()) {
            return List.of();
        }
        if (!batch.stream().map(PendingEvent::login).collect(Collectors.toSet()).containsAll(states.keySet())) {
            throw new IllegalArgumentException("a state for a login without an event in the batch");
        }
        int n = batch.size();
        String[] logins = new String[n];
        String[] names = new String[n];
        String[] payloads = new String[n];
        String[] receivedAts = new String[n];
        for (int i = 0; i < n; i++) {
            PendingEvent e = batch.get(i);
            logins[i] = e.login().value();
            names[i] = e.name();
            payloads[i] = e.json();
            receivedAts[i] = Timestamps.toDbText(e.receivedAt());
        }
        List<Long> cursors = refusable(() -> db.withHandle(h -> StateRows.bind(h.createQuery(APPEND), states)
                .bindArray("logins", String.class, (Object[]) logins)
                .bindArray("names", String.class, (Object[]) names)
                .bindArray("payloads", String.class, (Object[]) payloads)
                .bindArray("receivedAts", String.class, (Object[]) receivedAts)
                .bind("intake", PendingEvent.lastIntakeSeq(batch))
                .mapTo(Long.class)
                .list()));
        if (cursors.size() != n) {
            throw new IllegalStateException("appended " + n + " events but got " + cursors.size() + " cursors");
        }
        List<Long> ordered = new ArrayList<>(cursors);
        ordered.sort(null);
        List<StoredEvent> stored = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            PendingEvent e = batch.get(i);
            stored.add(new StoredEvent(ordered.get(i), e.login(), e.name(), e.json(),
                    Timestamps.toDb(e.receivedAt()).toInstant()));
        }
        return stored;
    }

    /** The frame's UTF-8 bytes go in as bytea, so whatever text the events table refused, this can hold. */
    @Override
    public void quarantine(PendingEvent refused, String reason) {
        refusable(() -> db.withHandle(h -> h.createUpdate(QUARANTINE)
                .bind("login", refused.login().value())
                .bind("raw", refused.json().getBytes(StandardCharsets.UTF_8))
                .bind("receivedAt", Timestamps.toDb(refused.receivedAt()))
                .bind("reason", SqlFailures.printable(reason, MAX_REASON))
                .bind("intake", refused.intakeSeq())
                .execute()));
    }

    /** The database refusing the data (as opposed to not answering) becomes the port's own exception. */
    private static <R> R refusable(Supplier<R> call) {
        try {
            return call.get();
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            if (SqlFailures.isRefusedData(e)) {
                throw new EventRefusedException(SqlFailures.refusalReason(e), e);
            }
            throw e;
        }
    }

    @Override
    public Optional<StoredState> state(Login login) {
        return stateRows.find(login);
    }

    @Override
    public long intakeWatermark() {
        return db.withHandle(h -> h.createQuery(WATERMARK).mapTo(Long.class).one());
    }

    /** The token the intake log directory of this database is stamped with (see V7__intake_watermark.sql). */
    public String intakeOwner() {
        return db.withHandle(h -> h.createQuery(OWNER).mapTo(String.class).one());
    }

    @Override
    public List<StoredEvent> after(Login login, long after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return db.withHandle(h -> h.createQuery(AFTER)
                .bind("login", login.value())
                .bind("after", after)
                .bind("limit", limit)
                .map(MAPPER)
                .list());
    }

    @Override
    public long latestCursor(Login login) {
        return db.withHandle(h -> h.createQuery("select coalesce(max(cursor), 0) from events where login = :login")
                .bind("login", login.value())
                .mapTo(Long.class)
                .one());
    }

    /** One round trip; each login's newest cursor is one backward step on the (login, cursor) index. */
    @Override
    public java.util.Map<Login, Long> latestCursors(java.util.Collection<Login> logins) {
        if (logins.isEmpty()) {
            return java.util.Map.of();
        }
        String[] names = logins.stream().map(Login::value).distinct().toArray(String[]::new);
        return db.withHandle(h -> h.createQuery("select l.login, coalesce((select max(e.cursor) from events e"
                        + " where e.login = l.login), 0) as latest from unnest(cast(:logins as text[])) as l(login)")
                .bindArray("logins", String.class, (Object[]) names)
                .map((rs, ctx) -> java.util.Map.entry(new Login(rs.getString("login")), rs.getLong("latest")))
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue)));
    }

    @Override
    public int deleteReceivedBefore(Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = db.withHandle(h -> h.createUpdate(DELETE_CHUNK)
                    .bind("cutoff", Timestamps.toDb(cutoff))
                    .bind("chunk", DELETE_CHUNK_SIZE)
                    .execute());
            total += deleted;
        } while (deleted == DELETE_CHUNK_SIZE);
        stateRows.deleteBefore(cutoff);
        return total;
    }

    @Override
    public void ping() {
        db.withHandle(h -> h.createQuery("select 1").mapTo(Integer.class).one());
    }
}
