package io.ctimw.app.agent.session;

import java.util.Objects;

/** A login kept between invocations: where, who, the bearer token, and the last event cursor shown. */
public record Session(String address, String login, String token, String expiresAt, Long cursor) {
    public Session {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(token, "token");
    }

    public Session withCursor(long newCursor) {
        return new Session(address, login, token, expiresAt, newCursor);
    }

    /** Never shows the token: records end up in logs and debug output. */
    @Override
    public String toString() {
        return "Session[" + login + "@" + address + ", cursor=" + cursor + "]";
    }
}
