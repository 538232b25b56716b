package io.ctimw.app.agent.http;

import java.net.URI;

/** No HTTP answer from the middleware at all (refused, reset, timed out, unknown host). */
public final class UnreachableException extends RuntimeException {
    private final URI address;

    public UnreachableException(URI address, Throwable cause) {
        super("middleware unreachable at " + address + reason(cause), cause);
        this.address = address;
    }

    public URI address() {
        return address;
    }

    /** A short human reason; the JDK client often throws a ConnectException with no message at all. */
    private static String reason(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof java.net.http.HttpConnectTimeoutException) {
                return ": connect timed out";
            }
            if (t instanceof java.net.http.HttpTimeoutException) {
                return ": no answer in time";
            }
            if (t instanceof java.net.ConnectException) {
                return ": connection refused";
            }
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return ": unknown host";
            }
        }
        if (cause == null) {
            return "";
        }
        String text = cause.getMessage();
        return ": " + (text == null || text.isBlank() ? cause.getClass().getSimpleName() : text);
    }
}
