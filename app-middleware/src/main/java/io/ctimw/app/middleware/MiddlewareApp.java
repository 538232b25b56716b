package io.ctimw.app.middleware;

import io.ctimw.adapters.ctiws.WsCtiGateway;
import io.ctimw.adapters.http.HttpApi;
import io.ctimw.adapters.postgres.BcryptPasswordHasher;
import io.ctimw.adapters.postgres.CpuBoundedHasher;
import io.ctimw.adapters.postgres.JdbiEventStore;
import io.ctimw.adapters.postgres.JdbiSessionStore;
import io.ctimw.adapters.postgres.JdbiUserStore;
import io.ctimw.adapters.postgres.PostgresSettings;
import io.ctimw.adapters.postgres.intake.IntakeLogException;
import io.ctimw.adapters.postgres.intake.MappedIntakeLog;
import io.ctimw.core.CoreServices;
import io.ctimw.core.port.out.CtiGateway;
import io.ctimw.core.port.out.EventStore;
import io.ctimw.core.port.out.IntakeLog;
import io.ctimw.core.port.out.PasswordHasher;
import io.ctimw.core.port.out.TokenGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one wiring class: builds every adapter and the core with {@code new}, starts them, stops them. */
public final class MiddlewareApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MiddlewareApp.class);

    /** A readiness probe waits this long for the database before it says "not ready". */
    private static final Duration PROBE_DEADLINE = Duration.ofSeconds(1);

    private final DatabaseLauncher db;
    private final DeadlinePing events;
    private final IntakeLog intake;
    private final WsCtiGateway cti;
    private final CoreServices core;
    private final HttpApi http;
    private final Telemetry telemetry;
    private final ScheduledExecutorService chores;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MiddlewareApp(DatabaseLauncher db, DeadlinePing events, IntakeLog intake, WsCtiGateway cti,
                          CoreServices core, HttpApi http, Telemetry telemetry, ScheduledExecutorService chores) {
        this.telemetry = telemetry;
        this.db = db;
        this.events = events;
        this.intake = intake;
        this.cti = cti;
        this.core = core;
        this.http = http;
        this.chores = chores;
    }

    /**
     * Takes the HTTP port first, so a second instance on a taken port fails before it touches the
     * database or the CTI; then the database, the core and the CTI link; then serves.
     */
    public static MiddlewareApp start(MiddlewareSettings s) {
        PortReservation port = PortReservation.take(s.http().host(), s.http().port());
        DatabaseLauncher db = null;
        DeadlinePing events = null;
        IntakeLog intake = null;
        CoreServices core = null;
        HttpApi http = null;
        Telemetry telemetry = null;
        try {
            db = DatabaseLauncher.open(s.db());
            Jdbi jdbi = db.database().jdbi();
            WsCtiGateway cti = new WsCtiGateway(AdapterSettings.ctiSettings(s.cti()));
            JdbiEventStore store = new JdbiEventStore(jdbi);
            events = new DeadlinePing(store, PROBE_DEADLINE);
            intake = openIntake(s.events().intake(), store);
            core = core(s, jdbi, events, cti, intake);
            core.start();
            telemetry = Telemetry.create(s.metrics(), core.monitoring(), cti, db.database().dataSource());
            http = new HttpApi(AdapterSettings.httpSettings(s), core.authentication(), core.events(), core.control(),
                    core.readiness(), telemetry.http(core.monitoring()), core.adminUsers(), core.adminSessions());
            port.close();
            startHttp(http, s.http());
            telemetry.startServer();
            ScheduledExecutorService chores = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "housekeeping");
                t.setDaemon(true);
                return t;
            });
            long every = s.housekeepingInterval().toMillis();
            chores.scheduleWithFixedDelay(core.maintenance()::housekeeping, every, every, TimeUnit.MILLISECONDS);
            CoreServices started = core;
            chores.scheduleWithFixedDelay(() -> flushPositions(started), 1, 1, TimeUnit.SECONDS);
            LOG.info("cti-middleware ready: http://{}:{} (CTI {}, database {})", s.http().host(), http.port(),
                    s.cti().url(), s.db().embedded() ? "embedded in " + s.db().embeddedDir() : PostgresSettings.redactedUrl(s.db().url()));
            return new MiddlewareApp(db, events, intake, cti, core, http, telemetry, chores);
        } catch (RuntimeException e) {
            port.close();
            if (http != null) {
                http.stop();
            }
            if (telemetry != null) {
                telemetry.close();
            }
            closeQuietly(core);
            if (intake != null) {
                intake.close();
            }
            if (events != null) {
                events.close();
            }
            if (db != null) {
                db.close();
            }
            throw e;
        }
    }

    /**
     * The core over the production adapters, unstarted. The server and the {@code users} command both
     * build it here, so an account is administered by the very services that log it in.
     */
    static CoreServices core(MiddlewareSettings s, Jdbi jdbi) {
        return core(s, jdbi, new JdbiEventStore(jdbi), new WsCtiGateway(AdapterSettings.ctiSettings(s.cti())),
                IntakeLog.none()); // never started: it receives no event, and must not lock the server's log
    }

    private static CoreServices core(MiddlewareSettings s, Jdbi jdbi, EventStore events, CtiGateway cti,
                                     IntakeLog intake) {
        return new CoreServices(new CoreServices.Ports(new JdbiUserStore(jdbi), new JdbiSessionStore(jdbi), events,
                cti, passwordHasher(s), TokenGenerator.secureRandom(), Clock.systemUTC(),
                new LoggedAuditTrail(), intake), AdapterSettings.coreSettings(s));
    }

    /** The intake log, stamped for this database; a folder it cannot write stops the start with one line. */
    private static IntakeLog openIntake(MiddlewareSettings.Intake s, JdbiEventStore store) {
        if (!s.enabled()) {
            LOG.warn("intake log off (events.intake.enabled = false): a crash of this process loses the events"
                    + " it has not stored yet");
            return IntakeLog.none();
        }
        try {
            return MappedIntakeLog.open(s.dir(), MappedIntakeLog.DEFAULT_SEGMENT_BYTES, store.intakeOwner());
        } catch (IntakeLogException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    // A login flood may take every core but one with bcrypt; the rest wait their turn (in arrival order).
    private static PasswordHasher passwordHasher(MiddlewareSettings s) {
        return new CpuBoundedHasher(new BcryptPasswordHasher(s.bcryptCost()),
                CpuBoundedHasher.forCores(Runtime.getRuntime().availableProcessors()));
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
     * The stop (also the JVM's shutdown hook): intake first (new requests and waiting long-polls get
     * 503), then the CTI link (no new events), then every queued event is stored, then the database.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        LOG.info("cti-middleware stopping");
        StopSequence.run("http intake", http::stop);
        StopSequence.run("housekeeping", chores::shutdownNow);
        StopSequence.run("metrics", telemetry::close);
        StopSequence.run("cti link", cti::stop);
        StopSequence.run("event journal", core::close);
        StopSequence.run("intake log", intake::close);
        StopSequence.run("database probe", events::close);
        StopSequence.run("database", db::close);
        LOG.info("cti-middleware stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    static void closeQuietly(CoreServices core) {
        if (core == null) {
            return;
        }
        try {
            core.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
