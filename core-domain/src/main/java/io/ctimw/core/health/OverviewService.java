package io.ctimw.core.health;

import io.ctimw.core.access.AccessGuard;
import io.ctimw.core.access.UserDirectory;
import io.ctimw.core.model.Overview;
import io.ctimw.core.model.Readiness;
import io.ctimw.core.model.Role;
import io.ctimw.core.model.Session;
import io.ctimw.core.port.in.OverviewUseCase;
import io.ctimw.core.port.in.ReadinessUseCase;
import io.ctimw.core.port.out.SessionStore;
import io.ctimw.core.port.out.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The dashboard's figures for administrators only. A database outage is one of the figures, not a failure:
 * the answer then says so and leaves out what only the database knows (who is online).
 */
public final class OverviewService implements OverviewUseCase {
    /** Where the online agents are read: live sessions in the store, roles from the directory. */
    public record Online(SessionStore sessions, UserDirectory users, Supplier<Duration> idleTimeout) {}

    private final AccessGuard access;
    private final ReadinessUseCase readiness;
    private final Online online;
    private final LinkHistory link;
    private final EventFlow flow;
    private final List<String> commands;
    private final Clock clock;

    public OverviewService(AccessGuard access, ReadinessUseCase readiness, Online online, LinkHistory link,
                           EventFlow flow, Set<String> commands, Clock clock) {
        this.access = access;
        this.readiness = readiness;
        this.online = online;
        this.link = link;
        this.flow = flow;
        this.commands = commands.stream().sorted().toList();
        this.clock = clock;
    }

    @Override
    public Overview overview(Session caller) {
        access.requireAdmin(caller);
        Readiness ready = readiness.check();
        LinkHistory.State state = link.state();
        return new Overview(clock.instant(), ready.database(), ready.cti(), state.since(), state.lastReconnectAt(),
                ready.database() ? agentsOnline() : null, ready.attachedPhones(), ready.bufferedEvents(),
                flow.eventsPerSecond(), flow.deliveryLag(), commands);
    }

    /** Agents (not administrators) with at least one live session, on any instance. */
    private Integer agentsOnline() {
        Instant now = clock.instant();
        try {
            return (int) online.sessions().loginsWithLiveSessions(now, now.minus(online.idleTimeout().get())).stream()
                    .filter(login -> online.users().find(login).map(u -> u.role() == Role.AGENT).orElse(false))
                    .count();
        } catch (StoreUnavailableException e) {
            return null;
        }
    }
}
