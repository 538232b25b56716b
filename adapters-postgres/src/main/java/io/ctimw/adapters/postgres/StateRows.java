package io.ctimw.adapters.postgres;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.StoredState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The {@code agent_state} rows (V10) of {@link JdbiEventStore}: the part of its append statement that upserts
 * them, their read and their retention. Kept apart so the event store's hot path stays readable.
 */
final class StateRows {
    /**
     * A CTE for the append statement, after its {@code appended} CTE: each row is upserted at its login's last
     * cursor of the batch (read from the insert's RETURNING, the only way sibling CTEs see each other's rows);
     * last_event_at is the newest receive time of the login's events, which is what retention compares.
     */
    static final String UPSERT = """
            , states as (
            insert into agent_state (login, cursor, state, last_event_at)
            select s.login, a.cursor, s.state::json, a.received_at
            from unnest(cast(:stateLogins as text[]), cast(:states as text[])) as s(login, state)
            join (select login, max(cursor) as cursor, max(received_at) as received_at from appended group by login) a
              on a.login = s.login
            on conflict (login) do update
            set cursor = excluded.cursor, state = excluded.state,
                last_event_at = greatest(agent_state.last_event_at, excluded.last_event_at))
            """;
    private static final String FIND = "select cursor, state::text as state from agent_state where login = :login";
    private static final String DELETE = "delete from agent_state where last_event_at < :cutoff";

    private final GuardedJdbi db;

    StateRows(GuardedJdbi db) {
        this.db = db;
    }

    /** Binds the two arrays {@link #UPSERT} reads. */
    static <S extends SqlStatement<S>> S bind(S statement, Map<Login, String> states) {
        String[] logins = new String[states.size()];
        String[] texts = new String[states.size()];
        int i = 0;
        for (Map.Entry<Login, String> state : states.entrySet()) {
            logins[i] = state.getKey().value();
            texts[i++] = state.getValue();
        }
        return statement.bindArray("stateLogins", String.class, (Object[]) logins)
                .bindArray("states", String.class, (Object[]) texts);
    }

    Optional<StoredState> find(Login login) {
        return db.withHandle(h -> h.createQuery(FIND)
                .bind("login", login.value())
                .map((rs, ctx) -> new StoredState(rs.getLong("cursor"), rs.getString("state")))
                .findOne());
    }

    /** Rows whose login's last event was received before {@code cutoff}: that event is gone too. */
    void deleteBefore(Instant cutoff) {
        db.withHandle(h -> h.createUpdate(DELETE).bind("cutoff", Timestamps.toDb(cutoff)).execute());
    }
}
