package io.ctimw.adapters.http;

import io.ctimw.core.port.in.AuthenticationUseCase;
import io.ctimw.core.port.in.CallControlUseCase;
import io.ctimw.core.port.in.EventsUseCase;
import io.ctimw.core.port.in.AdminUseCases;
import io.ctimw.core.port.in.ReadinessUseCase;
import io.ctimw.core.port.in.RequestLogUseCase;
import io.ctimw.core.port.in.StateUseCase;
import java.time.Clock;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import org.eclipse.jetty.server.LowResourceMonitor;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The agent-facing HTTP API: builds the Javalin server around the core's inbound ports.
 * Create it, {@link #start()} it, {@link #stop()} it; it keeps no static state.
 */
public final class HttpApi {
    private static final long OUTAGE_REPORT_SECONDS = 60;
    /** How long a stop waits for answers already being written (long-polls are failed first). */
    private static final long STOP_GRACE_MILLIS = 2_000;

    private final HttpSettings settings;
    private final QueuedThreadPool threads;
    private final OutageLog outages = new OutageLog();
    private final EdgeGuard guard;
    private final RequestTracer tracer;
    private final AsyncResults polls;
    private final StreamHandlers streams;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile Server jetty;
    private final ScheduledExecutorService reports = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "http-timers");
        t.setDaemon(true);
        return t;
    });
    private final Javalin app;

    /** Without the admin API (its routes are then 404). */
    public HttpApi(HttpSettings settings, AuthenticationUseCase auth, EventsUseCase events,
                   CallControlUseCase control, ReadinessUseCase readiness) {
        this(settings, auth, events, control, readiness, HttpMetrics.off(), AdminUseCases.NONE);
    }

    /**
     * @param metrics what to measure, and whether this port serves {@code GET /metrics}
     * @param admin the admin API's parts to serve; its request log also takes every {@code /api/v1} request
     */
    public HttpApi(HttpSettings settings, AuthenticationUseCase auth, EventsUseCase events,
                   CallControlUseCase control, ReadinessUseCase readiness, HttpMetrics metrics,
                   AdminUseCases admin) {
        this(settings, auth, events, control, readiness, metrics, admin, null);
    }

    /** @param state serves {@code GET /api/v1/state}; null: that path is 404 */
    public HttpApi(HttpSettings settings, AuthenticationUseCase auth, EventsUseCase events,
                   CallControlUseCase control, ReadinessUseCase readiness, HttpMetrics metrics,
                   AdminUseCases admin, StateUseCase state) {
        this.settings = settings;
        this.tracer = new RequestTracer(admin.requestLog());
        this.threads = new QueuedThreadPool(settings.maxThreads(), Math.min(8, settings.maxThreads()));
        threads.setName("http-api");

        JsonCodec json = new JsonCodec();
        RequestBodies bodies = new RequestBodies(settings.maxBodyBytes());
        AsyncResults async = new AsyncResults(threads, settings.asyncTimeout());
        this.polls = new AsyncResults(threads, settings.asyncTimeout());
        ErrorMapper errors = new ErrorMapper(json, settings.retryAfterSeconds());
        this.streams = new StreamHandlers(events, settings.streams(), threads, reports, metrics,
                settings.retryAfterSeconds());
        this.guard = new EdgeGuard(settings.limits(), settings.maxBodyBytes(),
                new EdgeAnswers(json, settings.retryAfterSeconds()), outages, reports, metrics);
        Routes routes = new Routes(
                new Authenticator(auth, settings.cookieName()),
                new SessionHandlers(auth, control, bodies, json, new SessionCookie(settings), metrics),
                new EventHandlers(events, new EventQueryParser(settings.defaultLimit()), polls, metrics, streams),
                new ControlHandlers(control, bodies, json, new ControlResults(json), async, metrics),
                new HealthHandlers(readiness, json, settings.retryAfterSeconds()),
                errors, metrics.scrape().map(MetricsPage::new),
                admin.users() == null ? null : new AdminHandlers(admin.users(), admin.sessions(), bodies, json),
                admin.audit() == null ? null : new AuditHandlers(admin.audit(), json),
                admin.settings() == null ? null
                        : new SettingsHandlers(admin.settings(), admin.loginThrottle(), bodies, json),
                admin.requestLog() == null ? null : new RequestLogHandlers(admin.requestLog(), json, Clock.systemUTC()),
                admin.overview() == null ? null : new OverviewHandlers(admin.overview(), json))
                .withState(state == null ? null : new StateHandlers(state));
        this.app = Javalin.create(config -> configure(config, routes, errors, json, metrics));
        Gauge.builder("ctimw.polls.waiting", polls, AsyncResults::waitingCount)
                .description("Long polls waiting for events").register(metrics.registry());
        Gauge.builder("ctimw.streams.open", streams, StreamHandlers::openCount)
                .description("Open event streams").register(metrics.registry());
        new JettyServerThreadPoolMetrics(threads, Tags.empty()).bindTo(metrics.registry());
    }

    /** Every route served, as "METHOD /path" with Javalin's path templates: what openapi.json must describe. */
    List<String> routeTable() {
        return app.unsafe.internalRouter.allHttpHandlers().stream().map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path).toList();
    }

    /** Binds {@code settings.host():settings.port()} and serves; returns once listening. */
    public HttpApi start() {
        app.start();
        reports.scheduleAtFixedRate(outages::report, OUTAGE_REPORT_SECONDS, OUTAGE_REPORT_SECONDS, TimeUnit.SECONDS);
        return this;
    }

    /** The bound port: the random one when the settings said 0. */
    public int port() {
        return app.port();
    }

    /** For tests: how many bodies are still arriving. */
    int pendingBodies() {
        return guard.pendingBodies().inUse();
    }

    /** For tests, which cannot wait a minute for the periodic 503 report. */
    OutageLog outageLog() {
        return outages;
    }

    /**
     * Stops intake, then the server: new requests and waiting long-polls get 503 + Retry-After
     * (clients retry elsewhere or later), open event streams end with {@code shutdown}, answers being written
     * get {@value #STOP_GRACE_MILLIS} ms.
     */
    /** For tests: stops without waiting for idle connections, which a graceful stop would. */
    void stopWithoutGrace() {
        jetty.setStopTimeout(0);
        stop();
    }

    public void stop() {
        stopping.set(true);
        polls.failWaiting(stoppingProblem());
        streams.endAll(); // each writes its end event; the graceful stop below waits for them
        reports.shutdownNow();
        app.stop();
    }

    private static ProblemException stoppingProblem() {
        return new ProblemException(ProblemType.SHUTTING_DOWN, "the service is stopping; retry later");
    }

    private void configure(JavalinConfig config, Routes routes, ErrorMapper errors, JsonCodec json, HttpMetrics metrics) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.startup.startupWatcherEnabled = false; // it would keep the JVM alive after stop()

        config.jetty.threadPool = threads;
        config.jetty.addConnector((server, http) -> ApiConnector.create(server, http, settings));
        // Javalin adds a LowResourceMonitor, whose low-resource mode drops idle timeouts to 1 s and would
        // cut the long polls that (by design) sit idle for up to a minute.
        config.jetty.modifyServer(server -> {
            jetty = server;
            server.getBeans(LowResourceMonitor.class).forEach(server::removeBean);
            server.setErrorHandler(new JettyErrors(json));
            // Javalin puts its servlet context inside the innermost wrapper: every request meets the guard
            // first, and a stop waits (GracefulHandler) for the requests in flight.
            GracefulHandler graceful = new GracefulHandler();
            tracer.setHandler(guard);
            graceful.setHandler(tracer);
            server.setHandler(graceful);
            server.setStopTimeout(STOP_GRACE_MILLIS);
        });

        config.http.asyncTimeout = settings.asyncTimeout().toMillis() + 5_000; // backstop behind AsyncResults'
        config.http.maxRequestSize = settings.maxBodyBytes();
        config.http.prefer405over404 = true;
        config.http.compressionStrategy = CompressionStrategy.GZIP;

        config.router.javaLangErrorHandler(errors::handleError);
        config.requestLogger.http(new RequestLog(outages));
        if (metrics.enabled()) {
            config.requestLogger.http(metrics::request);
        }
        config.requestLogger.http(RequestTrace::routed);
        config.routes.before(ctx -> {
            if (stopping.get()) {
                throw stoppingProblem();
            }
        });
        routes.register(config.routes);
    }
}
