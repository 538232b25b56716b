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
import io.ctimw.core.event.EventStreams;
import io.ctimw.core.event.Housekeeping;
import io.ctimw.core.health.EventFlow;
import io.ctimw.core.health.LinkHistory;
import io.ctimw.core.health.Monitoring;
import io.ctimw.core.health.OverviewService;
import io.ctimw.core.health.ReadinessService;
import io.ctimw.core.ledger.CommandBook;
import io.ctimw.core.ledger.UnsavedCommandLedger;
import io.ctimw.core.link.CtiInbound;
import io.ctimw.core.link.PhoneAttachments;
import io.ctimw.core.model.LedgerSettings;
import io.ctimw.core.model.RequestLogSettings;
import io.ctimw.core.model.SessionPolicy;
import io.ctimw.core.model.StreamEnd;
import io.ctimw.core.model.TokenHash;
import io.ctimw.core.port.in.AdminUseCases;
import io.ctimw.core.port.in.AuthenticationUseCase;
import io.ctimw.core.port.in.CallControlUseCase;
import io.ctimw.core.port.in.EventsUseCase;
import io.ctimw.core.port.in.MaintenanceUseCase;
import io.ctimw.core.port.in.MonitoringUseCase;
import io.ctimw.core.port.in.ReadinessUseCase;
import io.ctimw.core.port.in.StateUseCase;
import io.ctimw.core.port.in.UserAdministrationUseCase;
import io.ctimw.core.port.out.CommandIds;
import io.ctimw.core.port.out.CommandLedger;
import io.ctimw.core.port.out.RequestLogStore;
import io.ctimw.core.requestlog.NoRequestLog;
import io.ctimw.core.requestlog.RequestLogService;
import io.ctimw.core.requestlog.RequestRecorder;
import io.ctimw.core.session.AuthenticationService;
import io.ctimw.core.session.PasswordCheck;
import io.ctimw.core.session.SessionCache;
import io.ctimw.core.session.SessionExpiry;
import io.ctimw.core.session.SessionPhones;
import io.ctimw.core.session.UserAdministration;
import io.ctimw.core.state.StateProjection;
import io.ctimw.core.state.StateService;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The core assembled from its outbound ports: the one place that knows how the services fit
 * together. Apps see only the inbound use cases and start/close; tests that need the internals
 * build their own graph (core-domain's test-jar).
 */
public final class CoreServices implements AutoCloseable {
    private final CorePorts ports;
    private final EventJournal journal;
    private final PhoneAttachments attachments;
    private final SessionPhones phones;
    private final AuthenticationService authentication;
    private final DeliveryPositions positions;
    private final EventService events;
    private final EventStreams streams;
    private final StateService state;
    private final CallControlService control;
    private final ReadinessService readiness;
    private final Monitoring monitoring;
    private final UserAdministration users;
    private final Housekeeping housekeeping;
    private final ExecutorService readers;
    private final ScheduledExecutorService ledgerWorkers;
    private final RunTimeParts runTime;
    private final AdminUseCases admin;
    private final RequestRecorder recorder;
    private final RequestLogService requestLog;
    private final LinkHistory link;

    /** A core that keeps no request log (tests, tools). */
    public CoreServices(CorePorts ports, CoreSettings settings) {
        this(ports, settings, new NoRequestLog(), RequestLogSettings.off());
    }

    /** A core whose command ledger lives in memory only (tests, tools). */
    public CoreServices(CorePorts ports, CoreSettings settings, RequestLogStore requestLogStore, RequestLogSettings logging) {
        this(ports, settings, requestLogStore, logging, new UnsavedCommandLedger(), LedgerSettings.DEFAULT);
    }

    /**
     * @param requestLogStore where every API request is logged and counted, as {@code logging} says
     * @param commandLedger where relayed commands and their idempotency keys are kept
     */
    public CoreServices(CorePorts ports, CoreSettings settings, RequestLogStore requestLogStore, RequestLogSettings logging,
                        CommandLedger commandLedger, LedgerSettings ledgerSettings) {
        this.ports = ports;
        SessionPolicy policy = settings.sessions(); // its idle timeout is the run-time setting's default only
        CallRegistry calls = new CallRegistry();
        DeliveryHub hub = new DeliveryHub();
        StateProjection projection = new StateProjection(ports.events()); // states commit with their events
        this.journal = new EventJournal(projection, ports.intake(), hub, ports.clock(), settings.journalCapacity(),
                settings.journalBatch(), Threads.named("event-writer", false));
        this.attachments = new PhoneAttachments(ports.cti(), calls, journal::submitOwn, hub::forget);
        // Sessions ending here end their open streams at once (the streams are built below).
        SessionCache cache = new SessionCache(this::sessionEnded);
        UserDirectory directory = new UserDirectory(ports.users(), ports.clock(), policy.touchInterval());
        AccessGuard access = new AccessGuard(directory, ports.audit(), ports.clock());
        this.state = new StateService(projection, access);
        this.runTime = RunTimeParts.build(ports, settings, access);
        Supplier<SessionPolicy> sessionPolicy = runTime.live()::sessionPolicy;
        this.phones = new SessionPhones(ports.sessions(), attachments, ports.clock(), sessionPolicy);
        this.authentication = new AuthenticationService(
                new PasswordCheck(ports.users(), ports.hasher(), policy.maxConcurrentLogins()), ports.sessions(),
                ports.events(), ports.tokens(), cache, phones, ports.clock(), sessionPolicy, ports.users(), access,
                ports.audit(), runTime.throttle());
        this.positions = new DeliveryPositions(ports.sessions(), authentication::delivered);
        this.readers = Executors.newFixedThreadPool(settings.readerThreads(), Threads.named("event-reader", true));
        this.streams = new EventStreams(hub, ports.events(), positions, readers, access, authentication::stillLive,
                settings.streamMaxPending());
        EventFlow flow = new EventFlow(journal::received, ports.clock());
        this.events = new EventService(ports.events(), hub, positions, readers, access, streams, flow::delivered);
        CommandCatalog catalog = CommandCatalog.standard(runTime.live()::allowedStates);
        this.ledgerWorkers = Executors.newScheduledThreadPool(2, Threads.named("command-ledger", true));
        CommandBook book = new CommandBook(commandLedger, CommandIds.timeOrdered(ports.clock()), ports.clock(),
                ledgerSettings, ledgerWorkers);
        this.control = new CallControlService(new CommandValidator(catalog, calls), ports.cti(), calls, access, book);
        this.recorder = new RequestRecorder(requestLogStore, ports.clock(), name -> catalog.find(name).isPresent(),
                logging.queueCapacity(), logging.batchSize(), Threads.named("request-log-writer", true));
        // Its retention is a run-time setting (the file's request-log.retention is that setting's default).
        this.requestLog = new RequestLogService(recorder, requestLogStore, access, ports.clock(), logging.enabled(),
                runTime.live()::requestLogRetention, logging.countsRetention());
        this.readiness = new ReadinessService(ports.events(), ports.cti(), journal::pending, attachments::reachableCount,
                journal::quarantined, journal::quarantineFailures, journal::unlogged);
        this.monitoring = new Monitoring(new Monitoring.Sources(journal::received, journal::appended,
                () -> journal.quarantined() + journal.quarantineFailures(), journal::pending, ports.cti()::isReady,
                attachments::reachableCount), catalog.names());
        this.users = new UserAdministration(ports.users(), ports.sessions(), ports.hasher(), ports.clock(), directory,
                cache, phones, runTime.live()::defaultGrants, runTime.throttle()::resetThrottle);
        SessionExpiry expiry = new SessionExpiry(ports.sessions(), cache, phones, ports.clock(), sessionPolicy);
        this.housekeeping = new Housekeeping(expiry::expireSessions, positions, ports.events(), ports.clock(),
                settings.retention(), ports.auditArchive(), settings.auditRetention(), requestLog::purge, book::purge);
        // The link reports through its history, so the dashboard knows when it last came back.
        this.link = new LinkHistory(new CtiInbound(calls, journal::submit, attachments), ports.clock());
        Supplier<Duration> idleTimeout = () -> runTime.live().sessionPolicy().idleTimeout();
        OverviewService overview = new OverviewService(access, readiness,
                new OverviewService.Online(ports.sessions(), directory, idleTimeout), link, flow, catalog.names(),
                ports.clock());
        this.admin = AdminParts.build(ports, new AdminParts.Needs(access, users, catalog, cache, authentication,
                idleTimeout, runTime, requestLog, overview));
    }

    /** Replays what the intake log holds beyond the store, starts the writer, restores phones, opens the link. */
    public void start() {
        journal.recover(ports.events().intakeWatermark());
        journal.start();
        recorder.start();
        attachments.restore(phones.liveLogins());
        ports.cti().start(link);
    }

    public AuthenticationUseCase authentication() {
        return authentication;
    }

    public EventsUseCase events() {
        return events;
    }

    /** The agent's state snapshot, consistent with its event cursor. */
    public StateUseCase state() {
        return state;
    }

    public CallControlUseCase control() {
        return control;
    }

    public ReadinessUseCase readiness() {
        return readiness;
    }

    public MonitoringUseCase monitoring() {
        return monitoring;
    }

    public UserAdministrationUseCase userAdministration() {
        return users;
    }

    public MaintenanceUseCase maintenance() {
        return housekeeping;
    }

    /** The admin API: users, sessions, audit, run-time settings, login throttle. */
    public AdminUseCases admin() {
        return admin;
    }

    /** Re-reads the stored run-time settings, to pick up a change made on another instance. */
    public void reloadSettings() {
        runTime.live().reload();
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
        ledgerWorkers.shutdown();
        drainRequestLog();
    }

    private void sessionEnded(TokenHash session, StreamEnd why) {
        streams.sessionEnded(session, why);
    }

    /** Writes the request log lines still queued (after the HTTP intake stopped); idempotent. */
    public void drainRequestLog() throws InterruptedException {
        recorder.drainAndStop(Duration.ofSeconds(5));
    }
}
