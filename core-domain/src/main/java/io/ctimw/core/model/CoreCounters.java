package io.ctimw.core.model;

/**
 * What the core counts, read without touching the database: for metrics, so scraping them never
 * costs a query. The counters only grow (since start); the rest are levels at the time of reading.
 *
 * @param eventsReceived    events queued for storage since start (the CTI's and the middleware's own)
 * @param eventsStored      events written to the store since start
 * @param eventsQuarantined events the store refused since start (kept in its quarantine, or lost there too)
 * @param bufferedEvents    events received and not yet stored
 * @param ctiLinkUp         the CTI link is connected and initialised
 * @param attachedPhones    phones attached and reachable now
 */
public record CoreCounters(long eventsReceived, long eventsStored, long eventsQuarantined, int bufferedEvents,
                           boolean ctiLinkUp, int attachedPhones) {
    public CoreCounters {
        if (eventsReceived < 0 || eventsStored < 0 || eventsQuarantined < 0 || bufferedEvents < 0 || attachedPhones < 0) {
            throw new IllegalArgumentException("counters cannot be negative");
        }
    }
}
