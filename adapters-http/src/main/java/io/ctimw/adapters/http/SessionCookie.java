package io.ctimw.adapters.http;

import io.ctimw.core.model.SessionToken;

/**
 * Builds the session cookie's {@code Set-Cookie} values. Written by hand rather than through the servlet
 * API so the attributes are exactly these: {@code HttpOnly} keeps scripts away from the token and
 * {@code SameSite=Strict} keeps other sites from riding on it.
 */
final class SessionCookie {
    private final String name;
    private final boolean secure;
    private final long maxAgeSeconds;

    public SessionCookie(HttpSettings settings) {
        this.name = settings.cookieName();
        this.secure = settings.cookieSecure();
        this.maxAgeSeconds = settings.sessionMaxAge().toSeconds();
    }

    public String name() {
        return name;
    }

    /** Token characters are [A-Za-z0-9_-], so the value needs no quoting. */
    public String issue(SessionToken token) {
        return name + "=" + token.value() + "; Path=/; Max-Age=" + maxAgeSeconds + attributes();
    }

    public String clear() {
        return name + "=; Path=/; Max-Age=0" + attributes();
    }

    private String attributes() {
        return "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
