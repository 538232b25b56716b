package io.ctimw.core.link;

import io.ctimw.core.model.CtiEvent;
import io.ctimw.core.model.Json;
import io.ctimw.core.model.Login;

/**
 * Events the middleware itself puts in an agent's stream. Their names carry a {@code mw.} prefix:
 * NCC names are UpperCamelCase words and never contain a dot, so they cannot collide.
 */
public final class MiddlewareEvents {
    public static final String PHONE_UNAVAILABLE = "mw.PhoneUnavailable";
    public static final String PHONE_AVAILABLE = "mw.PhoneAvailable";
    public static final String REASON_LINK_DOWN = "cti-link-down";
    public static final String REASON_ATTACH_REFUSED = "attach-refused";

    private MiddlewareEvents() {
    }

    /** The agent's phone cannot be reached: the CTI link is down, or the CTI refused the attachment. */
    public static CtiEvent phoneUnavailable(Login login, String reason, String description) {
        String json = "{\"name\":" + Json.quote(PHONE_UNAVAILABLE) + ",\"login\":" + Json.quote(login.value())
                + ",\"reason\":" + Json.quote(reason) + ",\"description\":" + Json.quote(description) + "}";
        return new CtiEvent(login, PHONE_UNAVAILABLE, null, null, null, json);
    }

    /** The agent's phone is attached again: events and commands flow. */
    public static CtiEvent phoneAvailable(Login login) {
        String json = "{\"name\":" + Json.quote(PHONE_AVAILABLE) + ",\"login\":" + Json.quote(login.value()) + "}";
        return new CtiEvent(login, PHONE_AVAILABLE, null, null, null, json);
    }
}
