package io.ctimw.core.event;

import io.ctimw.core.auth.Login;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wakes long-polls when new events of their login are stored. A waiting poll is a future in a map,
 * not a parked thread, so ten thousand open polls cost ten thousand small objects.
 */
public final class DeliveryHub {
    private final Map<Login, List<CompletableFuture<Void>>> waiters = new ConcurrentHashMap<>();

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
