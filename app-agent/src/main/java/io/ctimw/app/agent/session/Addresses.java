package io.ctimw.app.agent.session;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Parses and normalises a middleware address, so "HTTP://Host:8080/" and "http://host:8080" share a session. */
public final class Addresses {
    private Addresses() {
    }

    /** The normalised address, or empty when the text is not an http(s) URL with a host. */
    public static Optional<URI> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                return Optional.empty();
            }
            String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
            return Optional.of(new URI(scheme, null, uri.getHost().toLowerCase(Locale.ROOT), uri.getPort(),
                    path.isEmpty() ? null : path, null, null));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
