package io.ctimw.core.health;

import io.ctimw.core.model.CtiEvent;
import io.ctimw.core.port.out.CtiListener;
import java.time.Clock;
import java.time.Instant;

/**
 * Remembers when the CTI link last changed state, for the dashboard, and passes every report on unchanged.
 * It stands between the gateway and the core's listener, so the link's own code needs no clock.
 */
public final class LinkHistory implements CtiListener {
    /** The state as last reported; {@code since} null before the first report. */
    public record State(boolean up, Instant since, Instant lastReconnectAt) {}

    private final CtiListener next;
    private final Clock clock;
    private boolean everDown;
    private State state = new State(false, null, null);

    public LinkHistory(CtiListener next, Clock clock) {
        this.next = next;
        this.clock = clock;
    }

    public synchronized State state() {
        return state;
    }

    @Override
    public void onLinkUp() {
        synchronized (this) {
            Instant now = clock.instant();
            state = new State(true, now, everDown ? now : state.lastReconnectAt());
        }
        next.onLinkUp();
    }

    @Override
    public void onLinkDown(String reason) {
        synchronized (this) {
            everDown = true;
            state = new State(false, state.up() || state.since() == null ? clock.instant() : state.since(),
                    state.lastReconnectAt());
        }
        next.onLinkDown(reason);
    }

    @Override
    public void onEvent(CtiEvent event) {
        next.onEvent(event);
    }
}
