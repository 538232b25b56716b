package io.ctimw.core.testing;

import io.ctimw.core.CorePorts;
import io.ctimw.core.event.EventStreams;
import io.ctimw.core.model.StreamEnd;
import io.ctimw.core.model.TokenHash;
import io.ctimw.core.CoreServices;
import io.ctimw.core.CoreSettings;
import io.ctimw.core.RunTimeParts;
import io.ctimw.core.access.AccessGuard;
import io.ctimw.core.access.UserDirectory;
import io.ctimw.core.audit.AuditReader;
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
import io.ctimw.core.ledger.CommandBook;
import io.ctimw.core.model.LedgerSettings;
import io.ctimw.core.ledger.UnsavedCommandLedger;
import io.ctimw.core.model.CommandId;
import io.ctimw.core.link.CtiInbound;
import io.ctimw.core.link.PhoneAttachments;
import io.ctimw.core.session.AdminSessions;
import io.ctimw.core.session.AdminUsers;
import io.ctimw.core.session.AuthenticationService;
import io.ctimw.core.session.PasswordCheck;
import io.ctimw.core.session.SessionCache;
import io.ctimw.core.session.SessionExpiry;
import io.ctimw.core.session.SessionPhones;
import io.ctimw.core.session.UserAdministration;
import io.ctimw.core.settings.LiveSettings;
import io.ctimw.core.settings.SettingsAdministration;
import io.ctimw.core.throttle.LoginThrottle;
import io.ctimw.core.throttle.ThrottleAdministration;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The core's object graph with every part in reach, for tests that drive or inspect internals (the
 * production root, {@link CoreServices}, exposes only use cases). Built as the production root
 * builds it, so tests exercise the same collaborations.
 */
public final class CoreTestGraph implements AutoCloseable {
    public final CorePorts ports;
    public final CallRegistry calls = new CallRegistry();
    public final DeliveryHub hub = new DeliveryHub();
    public final EventJournal journal;
    public final PhoneAttachments attachments;
    public final SessionPhones phones;
    public final AuthenticationService authentication;
    public final DeliveryPositions positions;
    public final EventService events;
    public final CallControlService control;
    public final ReadinessService readiness;
    public final UserAdministration users;
    public final AdminUsers adminUsers;
    public final AdminSessions adminSessions;
    public final SessionExpiry expiry;
    public final Housekeeping housekeeping;
    public final CtiInbound inbound;
    public final UserDirectory directory;
    public final AccessGuard access;
    public final AuditReader audit;
    public final SessionCache cache = new SessionCache(this::sessionEnded);
    public final EventStreams streams;
    public final LiveSettings live;
    public final LoginThrottle throttle;
    public final SettingsAdministration settings;
    public final ThrottleAdministration throttleAdministration;
    public final UnsavedCommandLedger ledger = new UnsavedCommandLedger();
    /** Predictable command ids: c000001, c000002, ... */
    public final AtomicInteger commandIds = new AtomicInteger();
    public final CommandBook book;
    private final ExecutorService readers;
    private final ScheduledExecutorService ledgerWorkers = Executors.newScheduledThreadPool(2);

    public CoreTestGraph(CorePorts ports, CoreSettings settings) {
        this.ports = ports;
        journal = new EventJournal(ports.events(), ports.intake(), hub, ports.clock(), settings.journalCapacity(),
                settings.journalBatch(), r -> new Thread(r, "test-event-writer"));
        attachments = new PhoneAttachments(ports.cti(), calls, journal::submitOwn, hub::forget);
        directory = new UserDirectory(ports.users(), ports.clock(), settings.sessions().touchInterval());
        access = new AccessGuard(directory, ports.audit(), ports.clock());
        RunTimeParts runTime = RunTimeParts.build(ports, settings, access);
        live = runTime.live();
        throttle = runTime.throttle();
        this.settings = runTime.settings();
        throttleAdministration = runTime.throttleAdministration();
        phones = new SessionPhones(ports.sessions(), attachments, ports.clock(), live::sessionPolicy);
        authentication = new AuthenticationService(
                new PasswordCheck(ports.users(), ports.hasher(), settings.sessions().maxConcurrentLogins()),
                ports.sessions(), ports.events(), ports.tokens(), cache, phones, ports.clock(), live::sessionPolicy,
                ports.users(), access, ports.audit(), throttle);
        positions = new DeliveryPositions(ports.sessions(), authentication::delivered);
        readers = Executors.newFixedThreadPool(settings.readerThreads());
        streams = new EventStreams(hub, ports.events(), positions, readers, access, authentication::stillLive,
                settings.streamMaxPending());
        events = new EventService(ports.events(), hub, positions, readers, access, streams);
        book = new CommandBook(ledger, () -> new CommandId(String.format("c%06d", commandIds.incrementAndGet())),
                ports.clock(), LedgerSettings.DEFAULT, ledgerWorkers);
        control = new CallControlService(new CommandValidator(CommandCatalog.standard(live::allowedStates), calls),
                ports.cti(), calls, access, book);
        readiness = new ReadinessService(ports.events(), ports.cti(), journal::pending, attachments::reachableCount,
                journal::quarantined, journal::quarantineFailures, journal::unlogged);
        users = new UserAdministration(ports.users(), ports.sessions(), ports.hasher(), ports.clock(), directory, cache,
                phones, live::defaultGrants, throttle::resetThrottle);
        adminUsers = new AdminUsers(access, ports.users(), users, CommandCatalog.standard(settings.allowedStates()),
                ports.clock(), () -> live.sessionPolicy().idleTimeout(), ports.audit());
        adminSessions = new AdminSessions(access, ports.sessions(), cache, authentication, ports.events(),
                ports.clock(), () -> live.sessionPolicy().idleTimeout(), ports.audit());
        expiry = new SessionExpiry(ports.sessions(), cache, phones, ports.clock(), live::sessionPolicy);
        housekeeping = new Housekeeping(expiry::expireSessions, positions, ports.events(), ports.clock(),
                settings.retention(), ports.auditArchive(), settings.auditRetention());
        audit = new AuditReader(ports.auditArchive(), access);
        inbound = new CtiInbound(calls, journal::submit, attachments);
    }

    private void sessionEnded(TokenHash session, StreamEnd why) {
        streams.sessionEnded(session, why);
    }

    /** As the production root starts: writer, restored phones, link. */
    public void start() {
        journal.start();
        attachments.restore(phones.liveLogins());
        ports.cti().start(inbound);
    }

    @Override
    public void close() throws InterruptedException {
        ports.cti().stop();
        journal.drainAndStop(Duration.ofSeconds(10));
        readers.shutdownNow();
        ledgerWorkers.shutdownNow();
    }
}
