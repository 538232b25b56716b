package io.ctimw.core.call;

import io.ctimw.core.auth.Login;
import io.ctimw.core.event.CtiEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls each login currently has, learned from CTI events. It is the authority for "may this
 * agent name this cid": only calls seen in NewCall / CallStatus / CallParams / Calls for the same
 * login are known, and OnClose forgets them. A {@code Calls} message replaces the login's set.
 */
public final class CallRegistry {
    private final Map<Login, Map<String, CallId>> calls = new ConcurrentHashMap<>();

    /** Applies what one event says about the login's calls. Cheap and non-blocking. */
    public void apply(CtiEvent event) {
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

    public void replace(Login login, List<CallId> current) {
        Map<String, CallId> fresh = new ConcurrentHashMap<>();
        current.forEach(c -> fresh.put(c.key(), c));
        calls.put(login, fresh);
    }

    public void forget(Login login) {
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
