package io.ctimw.core;

import io.ctimw.core.access.AccessGuard;
import io.ctimw.core.access.UserDirectory;
import io.ctimw.core.call.CallRegistry;
import io.ctimw.core.control.CallControlService;
import io.ctimw.core.control.CommandCatalog;
import io.ctimw.core.control.CommandValidator;
import io.ctimw.core.event.DeliveryHub;
import io.ctimw.core.event.DeliveryPositions;
import io.ctimw.core.event.EventJournal;
import io.ctimw.core.event.EventService;
import io.ctimw.core.event.Housekeeping;
import io.ctimw.core.health.ReadinessService;
import io.ctimw.core.link.CtiInbound;
import io.ctimw.core.link.PhoneAttachments;
import io.ctimw.core.model.Grants;
import io.ctimw.core.port.in.AuthenticationUseCase;
import io.ctimw.core.port.in.CallControlUseCase;
import io.ctimw.core.port.in.EventsUseCase;
import io.ctimw.core.port.in.MaintenanceUseCase;
import io.ctimw.core.port.in.ReadinessUseCase;
import io.ctimw.core.port.in.UserAdministrationUseCase;
import io.ctimw.core.port.out.AuditTrail;
import io.ctimw.core.port.out.CtiGateway;
import io.ctimw.core.port.out.EventStore;
import io.ctimw.core.port.out.PasswordHasher;
import io.ctimw.core.port.out.RequestLogStore;
import io.ctimw.core.port.in.RequestLogUseCase;
import io.ctimw.core.requestlog.RequestLogService;
import io.ctimw.core.model.RequestLogSettings;
import io.ctimw.core.requestlog.RequestRecorder;
import io.ctimw.core.port.out.SessionStore;
import io.ctimw.core.port.out.TokenGenerator;
import io.ctimw.core.port.out.UserStore;
import io.ctimw.core.session.AuthenticationService;
import io.ctimw.core.session.PasswordCheck;
import io.ctimw.core.session.SessionCache;
import io.ctimw.core.session.SessionExpiry;
import io.ctimw.core.session.SessionPhones;
import io.ctimw.core.model.SessionPolicy;
import io.ctimw.core.session.UserAdministration;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The core assembled from its outbound ports: the one place that knows how the services fit
 * together. Apps see only the inbound use cases and start/close; tests that need the internals
 * build their own graph (core-domain's test-jar).
 */
public final class CoreServices implements AutoCloseable {
    /** Everything the core needs from the outside world. */
    public record Ports(UserStore users, SessionStore sessions, EventStore events, CtiGateway cti,
                        PasswordHasher hasher, TokenGenerator tokens, Clock clock, AuditTrail audit) {
        public Ports {
            Objects.requireNonNull(users, "users");
            Objects.requireNonNull(sessions, "sessions");
            Objects.requireNonNull(events, "events");
            Objects.requireNonNull(cti, "cti");
            Objects.requireNonNull(hasher, "hasher");
            Objects.requireNonNull(tokens, "tokens");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(audit, "audit");
        }
    }

    /** The core's tunables. */
    public record Settings(SessionPolicy sessions, Set<String> allowedStates, int journalCapacity, int journalBatch,
                           Duration retention, int readerThreads, Grants defaultGrants) {
        /** @throws IllegalArgumentException when a default grant names a command the catalog does not have */
        public Settings {
            CommandCatalog.standard(allowedStates).requireKnown(defaultGrants);
        }

        public static Settings defaults() {
            return new Settings(new SessionPolicy(Duration.ofHours(1), Duration.ofHours(12), Duration.ofSeconds(30)),
                    CommandCatalog.DEFAULT_ALLOWED_STATES, 200_000, 500, Duration.ofDays(7), 4, Grants.ALL);
        }
    }

    private final Ports ports;
    private final EventJournal journal;
    private final PhoneAttachments attachments;
    private final SessionPhones phones;
    private final AuthenticationService authentication;
    private final DeliveryPositions positions;
    private final EventService events;
    private final CallControlService control;
    private final ReadinessService readiness;
    private final UserAdministration users;
    private final Housekeeping housekeeping;
    private final CtiInbound inbound;
    private final ExecutorService readers;
    private final RequestRecorder recorder;
    private final RequestLogService requestLog;

    /** @param requestLogStore {@link io.ctimw.core.requestlog.NoRequestLog} with {@link RequestLogSettings#off()} for a core that logs nothing */
    public CoreServices(Ports ports, Settings settings, RequestLogStore requestLogStore, RequestLogSettings logging) {
        this.ports = ports;
        SessionPolicy policy = settings.sessions();
        CallRegistry calls = new CallRegistry();
        DeliveryHub hub = new DeliveryHub();
        this.journal = new EventJournal(ports.events(), hub, ports.clock(), settings.journalCapacity(),
                settings.journalBatch(), named("event-writer", false));
        this.attachments = new PhoneAttachments(ports.cti(), calls, journal::submitOwn, hub::forget);
        SessionCache cache = new SessionCache();
        UserDirectory directory = new UserDirectory(ports.users(), ports.clock(), policy.touchInterval());
        AccessGuard access = new AccessGuard(directory, ports.audit(), ports.clock());
        this.phones = new SessionPhones(ports.sessions(), attachments, ports.clock(), policy);
        this.authentication = new AuthenticationService(
                new PasswordCheck(ports.users(), ports.hasher(), policy.maxConcurrentLogins()), ports.sessions(),
                ports.events(), ports.tokens(), cache, phones, ports.clock(), policy, ports.users(), access, ports.audit());
        this.positions = new DeliveryPositions(ports.sessions(), authentication::delivered);
        this.readers = Executors.newFixedThreadPool(settings.readerThreads(), named("event-reader", true));
        this.events = new EventService(ports.events(), hub, positions, readers, access);
        CommandCatalog catalog = CommandCatalog.standard(settings.allowedStates());
        this.control = new CallControlService(new CommandValidator(catalog, calls), ports.cti(), calls, access);
        this.recorder = new RequestRecorder(requestLogStore, ports.clock(), name -> catalog.find(name).isPresent(),
                logging.queueCapacity(), logging.batchSize(), named("request-log-writer", true));
        this.requestLog = new RequestLogService(recorder, requestLogStore, access, ports.clock(), logging.enabled(),
                logging.retention(), logging.countsRetention());
        this.readiness = new ReadinessService(ports.events(), ports.cti(), journal::pending, attachments::reachableCount,
                journal::quarantined, journal::quarantineFailures);
        this.users = new UserAdministration(ports.users(), ports.sessions(), ports.hasher(), ports.clock(), directory,
                cache, phones, settings::defaultGrants);
        SessionExpiry expiry = new SessionExpiry(ports.sessions(), cache, phones, ports.clock(), policy);
        this.housekeeping = new Housekeeping(expiry::expireSessions, positions, ports.events(), ports.clock(),
                settings.retention(), requestLog::purge);
        this.inbound = new CtiInbound(calls, journal::submit, attachments);
    }

    /** Starts the event writer, restores the phones of sessions that outlived a restart, opens the link. */
    public void start() {
        journal.start();
        recorder.start();
        attachments.restore(phones.liveLogins());
        ports.cti().start(inbound);
    }

    public AuthenticationUseCase authentication() {
        return authentication;
    }

    public EventsUseCase events() {
        return events;
    }

    public CallControlUseCase control() {
        return control;
    }

    public ReadinessUseCase readiness() {
        return readiness;
    }

    public UserAdministrationUseCase userAdministration() {
        return users;
    }

    public RequestLogUseCase requestLog() {
        return requestLog;
    }

    public MaintenanceUseCase maintenance() {
        return housekeeping;
    }

    /** Closes the link, then stores what is still queued and where each session got to. */
    @Override
    public void close() throws InterruptedException {
        ports.cti().stop();
        journal.drainAndStop(Duration.ofSeconds(10));
        try {
            positions.flush();
        } catch (RuntimeException e) {
            System.getLogger(CoreServices.class.getName()).log(System.Logger.Level.WARNING,
                    "delivery positions not saved at shutdown: {0}", e.toString());
        }
        readers.shutdown();
        readers.awaitTermination(5, TimeUnit.SECONDS);
        drainRequestLog();
    }

    /** Writes the request log lines still queued (after the HTTP intake stopped); idempotent. */
    public void drainRequestLog() throws InterruptedException {
        recorder.drainAndStop(Duration.ofSeconds(5));
    }

    private static ThreadFactory named(String prefix, boolean daemon) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(daemon);
            return t;
        };
    }
}
