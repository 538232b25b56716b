package io.ctimw.core.state;

import io.ctimw.core.model.AgentState;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.PendingEvent;
import io.ctimw.core.model.StoredEvent;
import io.ctimw.core.model.StoredState;
import io.ctimw.core.port.out.EventStore;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each login's state as its stored events tell it. It stands in front of the event store for the
 * journal's one writer: each batch's new states are computed before the append, written by the store in the
 * append's own transaction, and published in memory only once it committed (a failed append leaves memory as
 * it was, and the retry computes them again). A login not in memory yet is read from its state row and the
 * events after it (there are none unless the row is missing: events stored before there were rows are
 * replayed, once).
 */
public final class StateProjection extends ForwardingEventStore {
    private static final System.Logger LOG = System.getLogger(StateProjection.class.getName());
    private static final int REPLAY_PAGE = 1_000;

    /** A state and the cursor it is at. */
    private record Known(long cursor, LoginState state) {
    }

    private final EventStore store;
    private final Map<Login, Known> memory = new ConcurrentHashMap<>();

    public StateProjection(EventStore store) {
        super(store);
        this.store = store;
    }

    /** The journal's append: the one place states change. Runs on the journal's writer thread only. */
    @Override
    public List<StoredEvent> append(List<PendingEvent> batch, Map<Login, String> states) {
        if (!states.isEmpty()) {
            throw new IllegalArgumentException("the projection writes the states itself");
        }
        Map<Login, LoginState> staged = new LinkedHashMap<>();
        for (PendingEvent e : batch) {
            LoginState before = staged.containsKey(e.login()) ? staged.get(e.login()) : loaded(e.login()).state();
            staged.put(e.login(), StateReducer.apply(before, e.name(), e.json()));
        }
        Map<Login, String> rows = new HashMap<>();
        staged.forEach((login, state) -> rows.put(login, state.toJson()));
        List<StoredEvent> stored = store.append(batch, rows);
        Map<Login, Long> last = new HashMap<>();
        stored.forEach(e -> last.put(e.login(), e.cursor()));
        staged.forEach((login, state) -> memory.put(login, new Known(last.get(login), state)));
        return stored;
    }

    /**
     * The login's state now: from memory, else from the store, then kept. Keeping a read is safe although only
     * the writer commits: the writer puts a login in memory before it commits anything for it, so a read that
     * finds the login absent and loses no race ({@code putIfAbsent}) holds the latest commit.
     */
    public AgentState current(Login login) {
        Known known = memory.get(login);
        if (known == null) {
            Known read = load(login);
            Known kept = memory.putIfAbsent(login, read);
            known = kept == null ? read : kept;
        }
        LoginState s = known.state();
        return new AgentState(known.cursor(), s.userStateJson(), s.callsJson(), s.phoneAvailable());
    }

    /** For the writer: loads once, then keeps it (only the writer changes a login's state, so it stays true). */
    private Known loaded(Login login) {
        Known known = memory.get(login);
        if (known == null) {
            known = load(login);
            memory.put(login, known);
        }
        return known;
    }

    /**
     * The row, then the login's events after its cursor: none when the row was written with them (always, by
     * this class), all of them when there is no row or it cannot be read. One query in the usual case.
     */
    private Known load(Login login) {
        Known start = new Known(0, LoginState.EMPTY);
        Optional<StoredState> row = store.state(login);
        if (row.isPresent()) {
            try {
                start = new Known(row.get().cursor(), LoginState.parse(row.get().json()));
            } catch (IllegalArgumentException e) {
                LOG.log(Level.WARNING, "unreadable state row of {0} ({1}); replaying its events", login, e.getMessage());
            }
        }
        Known known = replay(login, start);
        if (row.isEmpty() && known.cursor() > 0) {
            LOG.log(Level.INFO, "state of {0} rebuilt from its stored events (it had no state row yet)", login);
        }
        return known;
    }

    private Known replay(Login login, Known from) {
        Known known = from;
        List<StoredEvent> page;
        do {
            page = store.after(login, known.cursor(), REPLAY_PAGE);
            LoginState state = known.state();
            for (StoredEvent e : page) {
                state = StateReducer.apply(state, e);
            }
            known = page.isEmpty() ? known : new Known(page.get(page.size() - 1).cursor(), state);
        } while (page.size() == REPLAY_PAGE);
        return known;
    }
}
