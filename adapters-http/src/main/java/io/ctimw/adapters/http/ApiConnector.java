package io.ctimw.adapters.http;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The API's HTTP connector: its address, and the limits that ten thousand idle long-polls and streams need. */
final class ApiConnector {
    /** Connections the kernel may hold for the acceptor (capped by net.core.somaxconn). */
    private static final int ACCEPT_QUEUE = 1024;

    private ApiConnector() {
    }

    static ServerConnector create(Server server, HttpConfiguration httpConfiguration, HttpSettings settings) {
        // Jetty's per-connection header cache is an ArrayTrie of ~96 KB per connection once a header
        // repeats (Host does): 10,000 idle long-poll connections would need ~1 GB of heap for it.
        // Without it, headers are parsed against Jetty's static cache of common fields only.
        httpConfiguration.setHeaderCacheSize(0);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(httpConfiguration));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        // Longer than the longest long poll, so the connector never cuts a waiting request.
        connector.setIdleTimeout(settings.idleTimeout().toMillis());
        // The JDK's default listen backlog is 50: a burst of reconnects (every agent after a restart) overflowed
        // it, and each dropped SYN waited out the kernel's retransmit (1, 3, 7, 15, 31 s...) before it got in.
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        return connector;
    }
}
