package io.ctimw.core.event;

import io.ctimw.core.model.StoredEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The last few events stored for one login, so a woken long-poll reads them from memory instead of
 * the database. It holds every event of the login with a cursor above {@code coveredAfter}: events
 * of a login are stored by one writer in cursor order and all pass through here after commit.
 */
final class RecentEvents {
    private final int capacity;
    private final ArrayDeque<StoredEvent> events;
    private long coveredAfter;

    /** Starts with the first event stored in this process; older ones may exist only in the store. */
    RecentEvents(int capacity, StoredEvent first) {
        this.capacity = capacity;
        this.events = new ArrayDeque<>(capacity);
        this.coveredAfter = first.cursor(); // only readers at or past it can be served from here
        this.events.addLast(first);
    }

    synchronized void add(StoredEvent event) {
        if (events.size() == capacity) {
            coveredAfter = events.removeFirst().cursor();
        }
        events.addLast(event);
    }

    /** Events after {@code after}, oldest first, at most {@code limit}; null when older ones may be missing here. */
    synchronized List<StoredEvent> after(long after, int limit) {
        if (after < coveredAfter) {
            return null;
        }
        List<StoredEvent> out = new ArrayList<>(Math.min(limit, events.size()));
        for (StoredEvent e : events) {
            if (e.cursor() > after) {
                out.add(e);
                if (out.size() == limit) {
                    break;
                }
            }
        }
        return out;
    }
}
