package io.ctimw.core.link;

import io.ctimw.core.call.CallRegistry;
import io.ctimw.core.model.CtiEvent;
import io.ctimw.core.model.CtiReply;
import io.ctimw.core.model.Login;
import io.ctimw.core.port.out.CtiGateway;
import io.ctimw.core.session.PhoneLinks;
import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Keeps the CTI link attached to exactly the phones of logged-in agents: attaches on login and after
 * every reconnect, detaches when a login's last session ends, and tells each agent (through its event
 * stream) when its phone becomes unreachable or reachable again.
 */
public final class PhoneAttachments implements PhoneLinks {
    private static final System.Logger LOG = System.getLogger(PhoneAttachments.class.getName());

    private final CtiGateway gateway;
    private final CallRegistry calls;
    private final Consumer<CtiEvent> journal;
    private final Consumer<Login> released;
    private enum Reach { PENDING, UP, DOWN }

    /** Wanted logins (those with a live session), mapped to whether their phone is reachable. */
    private final Map<Login, Reach> wanted = new ConcurrentHashMap<>();

    public PhoneAttachments(CtiGateway gateway, CallRegistry calls, Consumer<CtiEvent> journal) {
        this(gateway, calls, journal, login -> { });
    }

    /** @param released told when a login's last session is gone, to drop what is kept for it */
    public PhoneAttachments(CtiGateway gateway, CallRegistry calls, Consumer<CtiEvent> journal,
                            Consumer<Login> released) {
        this.gateway = gateway;
        this.calls = calls;
        this.journal = journal;
        this.released = released;
    }

    /**
     * Restores the logins that had live sessions before a restart; they are attached once the link is
     * up, and told meanwhile that their phone is not reachable yet.
     */
    public void restore(Collection<Login> logins) {
        logins.forEach(l -> {
            if (wanted.putIfAbsent(l, Reach.PENDING) == null) {
                down(l, MiddlewareEvents.REASON_LINK_DOWN, "the middleware restarted; connecting to the CTI", true);
            }
        });
    }

    /** A session for the login exists: attach now (again, so the new session gets state and calls). */
    @Override
    public void want(Login login) {
        wanted.putIfAbsent(login, Reach.PENDING);
        if (gateway.isReady()) {
            attach(login);
        } else {
            // Always tell a fresh session, even if an earlier one was told already.
            down(login, MiddlewareEvents.REASON_LINK_DOWN, "the CTI link is down; reconnecting", true);
        }
    }

    /** Attaches a login with a live session that is not wanted (its release raced with a login). */
    @Override
    public void ensureWanted(Login login) {
        if (!wanted.containsKey(login)) {
            want(login);
        }
    }

    /** The login's last session ended. */
    @Override
    public void release(Login login) {
        if (wanted.remove(login) != null) {
            calls.forget(login);
            released.accept(login);
            if (gateway.isReady()) {
                gateway.detach(login);
            }
        }
    }

    @Override
    public Set<Login> wantedLogins() {
        return Set.copyOf(wanted.keySet());
    }

    /** How many wanted phones are attached and reachable now. */
    public int reachableCount() {
        return (int) wanted.values().stream().filter(r -> r == Reach.UP).count();
    }

    /** The link is (again) initialised: every attachment must be redone. */
    public void linkUp() {
        LOG.log(Level.INFO, "CTI link up; attaching {0} phones", wanted.size());
        wanted.keySet().forEach(this::attach);
    }

    /** The link dropped: every attachment is lost; each agent is told once per outage. */
    public void linkDown(String reason) {
        wanted.keySet().forEach(l -> down(l, MiddlewareEvents.REASON_LINK_DOWN, reason, false));
    }

    private void attach(Login login) {
        gateway.attach(login).thenAccept(reply -> {
            if (reply instanceof CtiReply.Ok) {
                if (wanted.replace(login, Reach.UP) != null) {
                    journal.accept(MiddlewareEvents.phoneAvailable(login));
                }
            } else if (reply instanceof CtiReply.Rejected rejected) {
                LOG.log(Level.WARNING, "AttachToUser refused for {0}: {1}", login, rejected.description());
                down(login, MiddlewareEvents.REASON_ATTACH_REFUSED, rejected.description(), true);
            } else {
                LOG.log(Level.WARNING, "AttachToUser for {0} got no answer ({1}); retried on reconnect", login,
                        reply);
                down(login, MiddlewareEvents.REASON_LINK_DOWN, "no answer to AttachToUser: " + reply, false);
            }
        });
    }

    private void down(Login login, String reason, String description, boolean always) {
        Reach was = wanted.replace(login, Reach.DOWN);
        if (was != null && (always || was != Reach.DOWN)) {
            journal.accept(MiddlewareEvents.phoneUnavailable(login, reason, description));
        }
    }
}
