package io.ctimw.core.event;

import io.ctimw.core.access.AccessGuard;
import io.ctimw.core.model.Grant;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.StoredEvent;
import io.ctimw.core.model.StreamEnd;
import io.ctimw.core.model.TokenHash;
import io.ctimw.core.port.in.AccessDeniedException;
import io.ctimw.core.port.in.EventStream;
import io.ctimw.core.port.out.EventStore;
import io.ctimw.core.port.out.StoreUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * Opens event streams and ends them when their session ends: at once when this process ends it (a logout,
 * an administrator, a block, an expiry), and at the transport's next {@link EventStream#check()} otherwise
 * (ended on another instance). A check also keeps the session alive, as a poll would.
 */
public final class EventStreams {
    private final DeliveryHub hub;
    private final EventStore store;
    private final DeliveryPositions positions;
    private final Executor readers;
    private final AccessGuard access;
    private final Predicate<TokenHash> stillLive;
    private final int maxPending;
    private final Map<TokenHash, Set<EventFeed>> bySession = new ConcurrentHashMap<>();

    /**
     * @param stillLive  whether a session is still live, touching it as a request would (may read the store)
     * @param maxPending stored events a stream may hold for its client before it is cut as too slow
     */
    public EventStreams(DeliveryHub hub, EventStore store, DeliveryPositions positions, Executor readers,
                        AccessGuard access, Predicate<TokenHash> stillLive, int maxPending) {
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be at least 1");
        }
        this.hub = hub;
        this.store = store;
        this.positions = positions;
        this.readers = readers;
        this.access = access;
        this.stillLive = stillLive;
        this.maxPending = maxPending;
    }

    /** @throws AccessDeniedException without the {@code events} grant */
    public EventStream open(Session session, OptionalLong after, Runnable wake) {
        access.require(session, Grant.EVENTS);
        Login login = session.login();
        EventFeed feed = new EventFeed(after.orElse(session.deliveredCursor()), maxPending,
                from -> read(login, from), wake, cursor -> positions.delivered(session, cursor),
                () -> verdict(session), f -> closed(session, f));
        bySession.computeIfAbsent(session.tokenHash(), h -> ConcurrentHashMap.newKeySet()).add(feed);
        hub.subscribe(login, feed);
        feed.check(); // a logout that raced with this open found nothing to end
        return feed;
    }

    /** The session ended in this process: its streams end with {@code reason}. */
    public void sessionEnded(TokenHash session, StreamEnd reason) {
        Set<EventFeed> feeds = bySession.remove(session);
        if (feeds != null) {
            feeds.forEach(f -> f.end(reason));
        }
    }

    /** Streams open now. */
    public int openCount() {
        return bySession.values().stream().mapToInt(Set::size).sum();
    }

    private CompletionStage<List<StoredEvent>> read(Login login, long after) {
        return CompletableFuture.supplyAsync(() -> hub.recent(login, after, EventFeed.PAGE)
                .orElseGet(() -> store.after(login, after, EventFeed.PAGE)), readers);
    }

    private StreamEnd verdict(Session session) {
        try {
            if (!stillLive.test(session.tokenHash())) {
                return StreamEnd.SESSION_ENDED;
            }
            access.require(session, Grant.EVENTS);
            return null;
        } catch (AccessDeniedException e) {
            return StreamEnd.FORBIDDEN;
        } catch (StoreUnavailableException e) {
            return null; // the session may well be fine: the next check asks again
        }
    }

    private void closed(Session session, EventFeed feed) {
        hub.unsubscribe(session.login(), feed);
        bySession.computeIfPresent(session.tokenHash(), (h, feeds) -> {
            feeds.remove(feed);
            return feeds.isEmpty() ? null : feeds;
        });
    }
}
