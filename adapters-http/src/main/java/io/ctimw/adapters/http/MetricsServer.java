package io.ctimw.adapters.http;

import io.javalin.Javalin;
import java.util.function.Supplier;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code GET /metrics} on a listener of its own, for operators who keep monitoring off the agents'
 * address (e.g. a port only the monitoring network reaches). It serves nothing else.
 */
public final class MetricsServer {
    private final Javalin app;

    private MetricsServer(Javalin app) {
        this.app = app;
    }

    /** Binds {@code host:port} (0: a free port, see {@link #port()}) and serves; returns once listening. */
    public static MetricsServer start(String host, int port, Supplier<String> scrape) {
        QueuedThreadPool threads = new QueuedThreadPool(8, 2);
        threads.setName("metrics-http");
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.startup.startupWatcherEnabled = false;
            config.jetty.threadPool = threads;
            config.routes.get(Routes.METRICS, new MetricsPage(scrape));
        });
        app.start(host, port);
        return new MetricsServer(app);
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        app.stop();
    }
}
