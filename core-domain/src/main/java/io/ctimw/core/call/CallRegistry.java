package io.ctimw.core.call;

import io.ctimw.core.model.CallId;
import io.ctimw.core.model.CtiEvent;
import io.ctimw.core.model.Login;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls each login currently has, learned from CTI events. It is the authority for "may this
 * agent name this cid": only calls seen in NewCall / CallStatus / CallParams / Calls for the same
 * login are known, and OnClose forgets them. A {@code Calls} message replaces the login's set.
 * Every change is synchronized (a late reply's check-then-replace must see no change slip in between);
 * reads are lock-free over concurrent maps.
 */
public final class CallRegistry {
    private final Map<Login, Map<String, CallId>> calls = new ConcurrentHashMap<>();
    /** Per login, how many call-changing events were applied: lets a late reply tell it is stale. */
    private final Map<Login, Long> changes = new ConcurrentHashMap<>();

    /** Applies what one event says about the login's calls. Cheap; only a late Calls reply contends. */
    public synchronized void apply(CtiEvent event) {
        if (!event.name().equals("Calls")) {
            changes.merge(event.login(), 1L, Long::sum);
        }
        switch (event.name()) {
            case "NewCall", "CallStatus", "CallParams", "CurrentCall" -> {
                if (event.cid() != null) {
                    callsOf(event.login()).put(event.cid().key(), event.cid());
                }
            }
            case "Calls" -> {
                if (event.calls() != null) {
                    replace(event.login(), event.calls());
                }
            }
            case "OnClose" -> {
                if (event.cid() != null) {
                    callsOf(event.login()).remove(event.cid().key());
                }
            }
            case "UserState" -> {
                if ("offline".equals(event.state())) {
                    forget(event.login());
                }
            }
            default -> { }
        }
    }

    /** The call as the CTI knows it, if {@code key} names a current call of {@code login}. */
    public Optional<CallId> find(Login login, String key) {
        Map<String, CallId> own = calls.get(login);
        return own == null ? Optional.empty() : Optional.ofNullable(own.get(key));
    }

    /** A mark to pass to {@link #replaceIfUnchanged} later. */
    public long changeMark(Login login) {
        return changes.getOrDefault(login, 0L);
    }

    /**
     * Replaces the login's calls with a {@code Calls} reply, unless call events of the login were
     * applied since {@code mark} was taken: then the reply is older than what the registry knows.
     */
    public synchronized boolean replaceIfUnchanged(Login login, List<CallId> current, long mark) {
        if (changeMark(login) != mark) {
            return false;
        }
        replace(login, current);
        return true;
    }

    public synchronized void replace(Login login, List<CallId> current) {
        Map<String, CallId> fresh = new ConcurrentHashMap<>();
        current.forEach(c -> fresh.put(c.key(), c));
        calls.put(login, fresh);
    }

    public synchronized void forget(Login login) {
        calls.remove(login);
    }

    /** A snapshot of the login's current calls. */
    public List<CallId> current(Login login) {
        Map<String, CallId> own = calls.get(login);
        return own == null ? List.of() : List.copyOf(own.values());
    }

    private Map<String, CallId> callsOf(Login login) {
        return calls.computeIfAbsent(login, l -> new ConcurrentHashMap<>());
    }
}
