package io.ctimw.app.middleware;

import io.ctimw.adapters.ctiws.WsCtiGateway;
import io.ctimw.adapters.http.HttpApi;
import io.ctimw.adapters.postgres.BcryptPasswordHasher;
import io.ctimw.adapters.postgres.JdbiEventStore;
import io.ctimw.adapters.postgres.JdbiRequestLogStore;
import io.ctimw.adapters.postgres.JdbiSessionStore;
import io.ctimw.adapters.postgres.JdbiUserStore;
import io.ctimw.adapters.postgres.PostgresSettings;
import io.ctimw.core.CoreServices;
import io.ctimw.core.port.out.CtiGateway;
import io.ctimw.core.port.out.EventStore;
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
    private final WsCtiGateway cti;
    private final CoreServices core;
    private final HttpApi http;
    private final ScheduledExecutorService chores;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MiddlewareApp(DatabaseLauncher db, DeadlinePing events, WsCtiGateway cti, CoreServices core, HttpApi http,
                          ScheduledExecutorService chores) {
        this.db = db;
        this.events = events;
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
        CoreServices core = null;
        HttpApi http = null;
        try {
            db = DatabaseLauncher.open(s.db());
            Jdbi jdbi = db.database().jdbi();
            WsCtiGateway cti = new WsCtiGateway(AdapterSettings.ctiSettings(s.cti()));
            events = new DeadlinePing(new JdbiEventStore(jdbi), PROBE_DEADLINE);
            core = core(s, jdbi, events, cti);
            core.start();
            http = new HttpApi(AdapterSettings.httpSettings(s), core.authentication(), core.events(), core.control(), core.readiness(),
                    core.requestLog());
            port.close();
            startHttp(http, s.http());
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
            return new MiddlewareApp(db, events, cti, core, http, chores);
        } catch (RuntimeException e) {
            port.close();
            if (http != null) {
                http.stop();
            }
            closeQuietly(core);
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
        return core(s, jdbi, new JdbiEventStore(jdbi), new WsCtiGateway(AdapterSettings.ctiSettings(s.cti())));
    }

    private static CoreServices core(MiddlewareSettings s, Jdbi jdbi, EventStore events, CtiGateway cti) {
        return new CoreServices(new CoreServices.Ports(new JdbiUserStore(jdbi), new JdbiSessionStore(jdbi), events,
                cti, new BcryptPasswordHasher(s.bcryptCost()), TokenGenerator.secureRandom(), Clock.systemUTC(),
                new LoggedAuditTrail()),
                AdapterSettings.coreSettings(s), new JdbiRequestLogStore(jdbi), AdapterSettings.requestLogSettings(s));
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

    public CoreServices core() {
        return core;
    }

    /**
     * The stop (also the JVM's shutdown hook): intake first (new requests and waiting long-polls get
     * 503), then the request log's queue is written, then the CTI link (no new events), then every queued
     * event is stored, then the database.
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
        StopSequence.run("request log", core::drainRequestLog); // every request has its answer: the log is complete
        StopSequence.run("cti link", cti::stop);
        StopSequence.run("event journal", core::close);
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

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
