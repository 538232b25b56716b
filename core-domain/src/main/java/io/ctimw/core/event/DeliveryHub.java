package io.ctimw.core.event;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.StoredEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Wakes long-polls when new events of their login are stored. A waiting poll is a future in a map,
 * not a parked thread, so ten thousand open polls cost ten thousand small objects. It also keeps the
 * last few stored events of each login, so a woken poll (or one already up to date) is answered from
 * memory: the database is read only by polls that fell behind further than that. Open streams
 * subscribe instead: each stored event of their login is handed to them, in cursor order.
 */
public final class DeliveryHub {
    private static final System.Logger LOG = System.getLogger(DeliveryHub.class.getName());
    public static final int DEFAULT_RECENT_PER_LOGIN = 16;

    private final Map<Login, List<CompletableFuture<Void>>> waiters = new ConcurrentHashMap<>();
    private final Map<Login, RecentEvents> recent = new ConcurrentHashMap<>();
    private final Map<Login, Set<Consumer<StoredEvent>>> subscribers = new ConcurrentHashMap<>();
    private final int recentPerLogin;

    public DeliveryHub() {
        this(DEFAULT_RECENT_PER_LOGIN);
    }

    public DeliveryHub(int recentPerLogin) {
        if (recentPerLogin < 1) {
            throw new IllegalArgumentException("recentPerLogin must be at least 1");
        }
        this.recentPerLogin = recentPerLogin;
    }

    /** Registers interest; register before reading so no event can slip between the read and the wait. */
    public CompletableFuture<Void> register(Login login) {
        CompletableFuture<Void> waiter = new CompletableFuture<>();
        waiters.compute(login, (l, list) -> {
            List<CompletableFuture<Void>> out = list == null ? new ArrayList<>(2) : list;
            out.add(waiter);
            return out;
        });
        return waiter;
    }

    public void cancel(Login login, CompletableFuture<Void> waiter) {
        waiters.computeIfPresent(login, (l, list) -> {
            list.remove(waiter);
            return list.isEmpty() ? null : list;
        });
    }

    /** From now on each stored event of the login goes to {@code subscriber} (on the writer thread: it must be quick). */
    public void subscribe(Login login, Consumer<StoredEvent> subscriber) {
        subscribers.compute(login, (l, set) -> {
            Set<Consumer<StoredEvent>> out = set == null ? ConcurrentHashMap.newKeySet() : set;
            out.add(subscriber);
            return out;
        });
    }

    public void unsubscribe(Login login, Consumer<StoredEvent> subscriber) {
        subscribers.computeIfPresent(login, (l, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    /**
     * A batch was committed (in cursor order): keeps its events per login, then wakes each login's
     * polls; subscribers get each event after it is kept (so a read after subscribing misses none).
     * Called by the store's single writer only.
     */
    public void stored(List<StoredEvent> batch) {
        Set<Login> logins = new LinkedHashSet<>();
        for (StoredEvent e : batch) {
            RecentEvents kept = recent.get(e.login());
            if (kept == null) {
                recent.put(e.login(), new RecentEvents(recentPerLogin, e));
            } else {
                kept.add(e);
            }
            logins.add(e.login());
            Set<Consumer<StoredEvent>> subscribed = subscribers.get(e.login());
            if (subscribed != null) {
                subscribed.forEach(s -> handOver(s, e));
            }
        }
        logins.forEach(this::signal);
    }

    /** One subscriber's failure must not cost the others (nor the polls) the rest of the batch. */
    private static void handOver(Consumer<StoredEvent> subscriber, StoredEvent event) {
        try {
            subscriber.accept(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "an event stream failed to take event " + event.cursor(), e);
        }
    }

    /**
     * The login's events after {@code after} from memory (empty when there is nothing newer), or empty
     * Optional when memory cannot tell and the store must be read.
     */
    public Optional<List<StoredEvent>> recent(Login login, long after, int limit) {
        RecentEvents kept = recent.get(login);
        return kept == null ? Optional.empty() : Optional.ofNullable(kept.after(after, limit));
    }

    /** Drops what is kept for a login nobody is logged in as any more. */
    public void forget(Login login) {
        recent.remove(login);
    }

    /** Completes every waiter of the login. */
    public void signal(Login login) {
        List<CompletableFuture<Void>> woken = waiters.remove(login);
        if (woken != null) {
            woken.forEach(w -> w.complete(null));
        }
    }
}
