package io.ctimw.app.middleware;

import com.zaxxer.hikari.HikariDataSource;
import io.ctimw.adapters.ctiws.WsCtiGateway;
import io.ctimw.adapters.http.HttpMetrics;
import io.ctimw.adapters.http.MetricsServer;
import io.ctimw.core.port.in.MonitoringUseCase;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics registry and what feeds it: the core's counters (read through its monitoring use case),
 * the CTI link's, the pool's, the JVM's, and the HTTP adapter's own meters. The core knows nothing of
 * Micrometer; this class only reads what the core and the adapters already count.
 */
final class Telemetry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Telemetry.class);

    private final MiddlewareSettings.Metrics settings;
    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc;
    private volatile MetricsServer server;

    private Telemetry(MiddlewareSettings.Metrics settings, PrometheusMeterRegistry registry, JvmGcMetrics gc) {
        this.settings = settings;
        this.registry = registry;
        this.gc = gc;
    }

    /** Off: nothing is measured and nothing served. */
    static Telemetry create(MiddlewareSettings.Metrics settings, MonitoringUseCase core, WsCtiGateway cti, DataSource pool) {
        if (!settings.enabled()) {
            return new Telemetry(settings, null, null);
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        bindCore(registry, core);
        counter(registry, "ctimw.cti.reconnects", "CTI connection attempts after the first", cti, c -> c.stats().reconnects());
        counter(registry, "ctimw.cti.frames.malformed", "CTI frames ignored as unusable", cti, c -> c.stats().malformed());
        counter(registry, "ctimw.cti.replies.late", "CTI replies that matched no waiting command", cti, c -> c.stats().lateReplies());
        if (pool instanceof HikariDataSource hikari) {
            hikari.setMetricRegistry(registry); // hikaricp_connections_* (active, idle, pending, timeouts, usage)
        }
        return new Telemetry(settings, registry, gc);
    }

    private static void bindCore(MeterRegistry registry, MonitoringUseCase core) {
        counter(registry, "ctimw.events.received", "Events received (the CTI's and the middleware's own)", core,
                m -> m.counters().eventsReceived());
        counter(registry, "ctimw.events.stored", "Events written to the database", core, m -> m.counters().eventsStored());
        counter(registry, "ctimw.events.quarantined", "Events the database refused", core,
                m -> m.counters().eventsQuarantined());
        gauge(registry, "ctimw.events.buffered", "Events received and not yet stored", core, m -> m.counters().bufferedEvents());
        gauge(registry, "ctimw.cti.link.up", "1 while the CTI link is connected and initialised", core,
                m -> m.counters().ctiLinkUp() ? 1 : 0);
        gauge(registry, "ctimw.phones.attached", "Phones attached and reachable", core, m -> m.counters().attachedPhones());
    }

    private static <T> void counter(MeterRegistry registry, String name, String help, T source, ToDoubleFunction<T> read) {
        FunctionCounter.builder(name, source, read).description(help).register(registry);
    }

    private static <T> void gauge(MeterRegistry registry, String name, String help, T source, ToDoubleFunction<T> read) {
        Gauge.builder(name, source, read).description(help).register(registry);
    }

    /** What the HTTP adapter measures into, and whether the API's own port serves {@code /metrics}. */
    HttpMetrics http(MonitoringUseCase core) {
        if (registry == null) {
            return HttpMetrics.off();
        }
        HttpMetrics metrics = HttpMetrics.of(registry, core.commandNames(), Clock.systemUTC());
        return settings.separate() ? metrics : metrics.servedAt(registry::scrape);
    }

    /** Starts the separate listener, when configured. */
    void startServer() {
        if (registry != null && settings.separate()) {
            try {
                server = MetricsServer.start(settings.host(), settings.port(), registry::scrape);
            } catch (RuntimeException e) {
                throw new StartupException("cannot listen on " + settings.host() + ":" + settings.port() + " for metrics: "
                        + MiddlewareApp.rootMessage(e), e);
            }
            LOG.info("metrics served on http://{}:{}/metrics", settings.host(), server.port());
        }
    }

    /** The separate listener's port, or -1 when there is none. */
    int serverPort() {
        MetricsServer s = server;
        return s == null ? -1 : s.port();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
        if (gc != null) {
            gc.close();
        }
        if (registry != null) {
            registry.close();
        }
    }
}
