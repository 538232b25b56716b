package io.ctimw.app.middleware;

import io.ctimw.adapters.ctiws.WsCtiGateway;
import io.ctimw.adapters.http.HttpApi;
import io.ctimw.adapters.postgres.BufferedAuditTrail;
import io.ctimw.adapters.postgres.JdbiAuditArchive;
import io.ctimw.adapters.postgres.JdbiEventStore;
import io.ctimw.adapters.postgres.PostgresSettings;
import io.ctimw.core.CoreServices;
import io.ctimw.core.port.out.IntakeLog;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one wiring class: builds every adapter and the core with {@code new} (the core's own ports in
 * {@link CoreAssembly}), starts them in order, and stops them in the reverse order.
 */
public final class MiddlewareApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MiddlewareApp.class);

    /** A readiness probe waits this long for the database before it says "not ready". */
    private static final Duration PROBE_DEADLINE = Duration.ofSeconds(1);

    private final StopSequence stops;
    private final CoreServices core;
    private final HttpApi http;
    private final Telemetry telemetry;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MiddlewareApp(StopSequence stops, CoreServices core, HttpApi http, Telemetry telemetry) {
        this.stops = stops;
        this.core = core;
        this.http = http;
        this.telemetry = telemetry;
    }

    /**
     * Takes the HTTP port first, so a second instance on a taken port fails before it touches the
     * database or the CTI; then the database, the intake log, the audit trail, the core and the CTI
     * link; then serves. A failure half-way stops what had started, newest first.
     */
    public static MiddlewareApp start(MiddlewareSettings s) {
        PortReservation port = PortReservation.take(s.http().host(), s.http().port());
        StopSequence stops = new StopSequence();
        try {
            DatabaseLauncher db = DatabaseLauncher.open(s.db());
            stops.add("database", db::close);
            Jdbi jdbi = db.database().jdbi();
            JdbiEventStore store = new JdbiEventStore(jdbi);
            DeadlinePing events = new DeadlinePing(store, PROBE_DEADLINE);
            stops.add("database probe", events::close);
            IntakeLog intake = CoreAssembly.openIntake(s.events().intake(), store);
            stops.add("intake log", intake::close);
            JdbiAuditArchive archive = new JdbiAuditArchive(jdbi);
            BufferedAuditTrail audit = AuditTrails.buffered(archive);
            stops.add("audit trail", audit::close);
            WsCtiGateway cti = new WsCtiGateway(AdapterSettings.ctiSettings(s.cti()));
            CoreServices core = CoreAssembly.core(s, jdbi, new CoreAssembly.Extras(events, cti, intake,
                    AuditTrails.both(new LoggedAuditTrail(), audit)), archive);
            stops.add("event journal", core::close); // closes the CTI link first: no event is received after it
            core.start();
            Telemetry telemetry = Telemetry.create(s.metrics(), core.monitoring(), cti, db.database().dataSource());
            stops.add("metrics", telemetry::close);
            HttpApi http = new HttpApi(AdapterSettings.httpSettings(s), core.authentication(), core.events(),
                    core.control(), core.readiness(), telemetry.http(core.monitoring()),
                    core.admin(), core.state());
            stops.add("request log", core::drainRequestLog); // runs after the intake stopped: the log is complete
            port.close();
            startHttp(http, s.http());
            stops.add("http intake", http::stop);
            telemetry.startServer();
            ScheduledExecutorService chores = housekeeping(s, core);
            stops.add("housekeeping", () -> { // a purge under way finishes before the database goes
                chores.shutdownNow();
                chores.awaitTermination(5, TimeUnit.SECONDS);
            });
            LOG.info("cti-middleware ready: http://{}:{} (CTI {}, database {})", s.http().host(), http.port(),
                    s.cti().url(), s.db().embedded() ? "embedded in " + s.db().embeddedDir()
                            : PostgresSettings.redactedUrl(s.db().url()));
            return new MiddlewareApp(stops, core, http, telemetry);
        } catch (RuntimeException e) {
            port.close();
            stops.runAll();
            throw e;
        }
    }

    /** Expired sessions, old events and audit entries, others' setting changes, every interval; positions every second. */
    private static ScheduledExecutorService housekeeping(MiddlewareSettings s, CoreServices core) {
        ScheduledExecutorService chores = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "housekeeping");
            t.setDaemon(true);
            return t;
        });
        long every = s.housekeepingInterval().toMillis();
        chores.scheduleWithFixedDelay(core.maintenance()::housekeeping, every, every, TimeUnit.MILLISECONDS);
        chores.scheduleWithFixedDelay(() -> flushPositions(core), 1, 1, TimeUnit.SECONDS);
        chores.scheduleWithFixedDelay(() -> reloadSettings(core), every, every, TimeUnit.MILLISECONDS);
        return chores;
    }

    /** Picks up run-time settings another instance changed; a failed round is retried by the next. */
    private static void reloadSettings(CoreServices core) {
        try {
            core.reloadSettings();
        } catch (RuntimeException e) {
            LOG.debug("run-time settings not re-read this round: {}", e.toString());
        }
    }

    /** Delivery positions are written behind, once a second; a failed round is retried by the next. */
    private static void flushPositions(CoreServices core) {
        try {
            core.maintenance().flushDeliveryPositions();
        } catch (RuntimeException e) {
            LOG.debug("delivery positions not saved this round: {}", e.toString());
        }
    }

    private static void startHttp(HttpApi http, MiddlewareSettings.Http settings) {
        try {
            http.start();
        } catch (RuntimeException e) {
            http.stop();
            throw new StartupException("cannot listen on " + settings.host() + ":" + settings.port() + ": "
                    + rootMessage(e), e);
        }
    }

    public int httpPort() {
        return http.port();
    }

    /** The separate metrics listener's port, or -1 when {@code /metrics} is served by the API (or not at all). */
    public int metricsPort() {
        return telemetry.serverPort();
    }

    public CoreServices core() {
        return core;
    }

    /**
     * The stop (also the JVM's shutdown hook), newest part first: housekeeping, the HTTP intake (new
     * requests and waiting long-polls get 503), the request log's queue (every request has its answer),
     * metrics, the CTI link and the event journal (every
     * queued event is stored), the audit trail, the intake log, then the database.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        LOG.info("cti-middleware stopping");
        stops.runAll();
        LOG.info("cti-middleware stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
