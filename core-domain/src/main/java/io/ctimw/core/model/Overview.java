package io.ctimw.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an administrator's dashboard shows at a glance, read at {@code at}. A figure the core cannot tell
 * right now is null: {@code agentsOnline} while the database is unreachable, {@code eventsPerSecond} until
 * two readings are a second apart, {@code deliveryLag} when nothing was delivered in the last minute,
 * {@code ctiLinkSince} before the link first changed state, {@code lastReconnectAt} before any reconnect.
 *
 * @param ctiLinkSince    when the CTI link last came up (while up) or went down (while down)
 * @param lastReconnectAt when the link last came up again after having been down
 * @param deliveryLag     the longest wait, among deliveries of the last minute, from an event's arrival to its delivery
 * @param commands        the command catalog's names, for grants {@code control:<name>}
 */
public record Overview(Instant at, boolean database, boolean ctiLinkUp, Instant ctiLinkSince, Instant lastReconnectAt,
                       Integer agentsOnline, int phonesAttached, int bufferedEvents, Double eventsPerSecond,
                       Duration deliveryLag, List<String> commands) {
    public Overview {
        Objects.requireNonNull(at, "at");
        commands = List.copyOf(commands);
        if ((agentsOnline != null && agentsOnline < 0) || phonesAttached < 0 || bufferedEvents < 0
                || (eventsPerSecond != null && !(eventsPerSecond >= 0)) || (deliveryLag != null && deliveryLag.isNegative())) {
            throw new IllegalArgumentException("overview figures cannot be negative");
        }
    }
}
