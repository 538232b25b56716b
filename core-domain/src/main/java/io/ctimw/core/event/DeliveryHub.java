package io.ctimw.core.event;

import io.ctimw.core.auth.Login;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wakes long-polls when new events of their login are stored. A waiting poll is a future in a map,
 * not a parked thread, so ten thousand open polls cost ten thousand small objects. It also remembers
 * each login's newest stored cursor, so a poll that is already up to date needs no store read.
 */
public final class DeliveryHub {
    private final Map<Login, List<CompletableFuture<Void>>> waiters = new ConcurrentHashMap<>();
    /** Newest cursor stored per login since start; absent = unknown (the store must be asked). */
    private final Map<Login, Long> newest = new ConcurrentHashMap<>();

    /** Registers interest; register before reading the store so no event can slip between the two. */
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

    /**
     * Events of the login are stored, the newest with {@code cursor}: remembers it, then wakes the
     * login's polls. Call it after the store committed, from the store's single writer.
     */
    public void stored(Login login, long cursor) {
        newest.merge(login, cursor, Math::max);
        signal(login);
    }

    /**
     * True only when the store surely holds no event of the login after {@code after}: the hub saw the
     * login's newest cursor and {@code after} is at or past it. False means "ask the store". A poll
     * must {@link #register} before asking, as for a store read, so an event stored meanwhile wakes it.
     */
    public boolean upToDate(Login login, long after) {
        Long known = newest.get(login);
        return known != null && after >= known;
    }

    /** Completes every waiter of the login. */
    public void signal(Login login) {
        List<CompletableFuture<Void>> woken = waiters.remove(login);
        if (woken != null) {
            woken.forEach(w -> w.complete(null));
        }
    }

    /** How many logins have at least one poll waiting (a gauge for operators). */
    public int waitingLogins() {
        return waiters.size();
    }
}
