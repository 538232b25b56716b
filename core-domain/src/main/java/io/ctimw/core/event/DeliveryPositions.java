package io.ctimw.core.event;

import io.ctimw.core.model.Session;
import io.ctimw.core.model.TokenHash;
import io.ctimw.core.port.out.SessionStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ObjLongConsumer;

/**
 * Where each session got to in its event stream. The session's in-memory view learns it at once; the
 * store gets it with the next {@link #flush()} (a database write per delivered poll was the delivery
 * path's main cost).
 */
public final class DeliveryPositions {
    private final SessionStore store;
    private final ObjLongConsumer<TokenHash> sessions;
    private final Map<TokenHash, Long> unsaved = new ConcurrentHashMap<>();

    /** @param sessions told at once, so the session's next poll resumes after what it was handed */
    public DeliveryPositions(SessionStore store, ObjLongConsumer<TokenHash> sessions) {
        this.store = store;
        this.sessions = sessions;
    }

    /** Events up to {@code cursor} were handed to this session. */
    public void delivered(Session session, long cursor) {
        sessions.accept(session.tokenHash(), cursor);
        unsaved.merge(session.tokenHash(), cursor, Math::max);
    }

    /** Writes the positions recorded since the last call, in one batch; a failed batch is kept for the next. */
    public void flush() {
        Map<TokenHash, Long> batch = new HashMap<>();
        for (TokenHash hash : List.copyOf(unsaved.keySet())) {
            Long cursor = unsaved.remove(hash);
            if (cursor != null) {
                batch.put(hash, cursor);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            store.advanceCursors(batch);
        } catch (RuntimeException e) {
            batch.forEach((hash, cursor) -> unsaved.merge(hash, cursor, Math::max));
            throw e;
        }
    }
}
