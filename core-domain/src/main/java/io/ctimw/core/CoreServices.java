package io.ctimw.core;

import io.ctimw.core.auth.SessionPolicy;
import io.ctimw.core.auth.SessionService;
import io.ctimw.core.auth.UserAdministration;
import io.ctimw.core.call.CallRegistry;
import io.ctimw.core.call.PhoneAttachments;
import io.ctimw.core.control.CallControlService;
import io.ctimw.core.control.CommandCatalog;
import io.ctimw.core.control.CommandValidator;
import io.ctimw.core.event.CtiInbound;
import io.ctimw.core.event.DeliveryHub;
import io.ctimw.core.event.EventJournal;
import io.ctimw.core.event.EventService;
import io.ctimw.core.event.Housekeeping;
import io.ctimw.core.health.ReadinessService;
import io.ctimw.core.port.in.AuthenticationUseCase;
import io.ctimw.core.port.in.CallControlUseCase;
import io.ctimw.core.port.in.EventsUseCase;
import io.ctimw.core.port.in.ReadinessUseCase;
import io.ctimw.core.port.in.UserAdministrationUseCase;
import io.ctimw.core.port.out.CtiGateway;
import io.ctimw.core.port.out.EventStore;
import io.ctimw.core.port.out.PasswordHasher;
import io.ctimw.core.port.out.SessionStore;
import io.ctimw.core.port.out.TokenGenerator;
import io.ctimw.core.port.out.UserStore;
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
 * together, shared by the app's wiring and by tests so both run the same object graph.
 */
public final class CoreServices implements AutoCloseable {
    /** Everything the core needs from the outside world. */
    public record Ports(UserStore users, SessionStore sessions, EventStore events, CtiGateway cti,
                        PasswordHasher hasher, TokenGenerator tokens, Clock clock) {
        public Ports {
            Objects.requireNonNull(users, "users");
            Objects.requireNonNull(sessions, "sessions");
            Objects.requireNonNull(events, "events");
            Objects.requireNonNull(cti, "cti");
            Objects.requireNonNull(hasher, "hasher");
            Objects.requireNonNull(tokens, "tokens");
            Objects.requireNonNull(clock, "clock");
        }
    }

    /** The core's tunables. */
    public record Settings(SessionPolicy sessions, Set<String> allowedStates, int journalCapacity, int journalBatch,
                           Duration retention, int readerThreads) {
        public static Settings defaults() {
            return new Settings(new SessionPolicy(Duration.ofHours(1), Duration.ofHours(12), Duration.ofSeconds(30)),
                    CommandCatalog.DEFAULT_ALLOWED_STATES, 200_000, 500, Duration.ofDays(7), 4);
        }
    }

    private final Ports ports;
    private final CallRegistry calls = new CallRegistry();
    private final DeliveryHub hub = new DeliveryHub();
    private final EventJournal journal;
    private final PhoneAttachments attachments;
    private final SessionService sessions;
    private final EventService events;
    private final CallControlService control;
    private final ReadinessService readiness;
    private final UserAdministration users;
    private final Housekeeping housekeeping;
    private final CtiInbound inbound;
    private final ExecutorService readers;

    public CoreServices(Ports ports, Settings settings) {
        this.ports = ports;
        this.journal = new EventJournal(ports.events(), hub, ports.clock(), settings.journalCapacity(),
                settings.journalBatch(), named("event-writer", false));
        this.attachments = new PhoneAttachments(ports.cti(), calls, journal::submitOwn, hub::forget);
        this.sessions = new SessionService(ports.users(), ports.sessions(), ports.events(), ports.hasher(),
                ports.tokens(), attachments, ports.clock(), settings.sessions());
        this.readers = Executors.newFixedThreadPool(settings.readerThreads(), named("event-reader", true));
        this.events = new EventService(ports.events(), hub, sessions, readers);
        this.control = new CallControlService(
                new CommandValidator(CommandCatalog.standard(settings.allowedStates()), calls), ports.cti(), calls);
        this.readiness = new ReadinessService(ports.events(), ports.cti(), journal, attachments);
        this.users = new UserAdministration(ports.users(), ports.sessions(), ports.hasher(), ports.clock());
        this.housekeeping = new Housekeeping(sessions, ports.events(), ports.clock(), settings.retention());
        this.inbound = new CtiInbound(calls, journal, attachments);
    }

    /** Starts the event writer, restores the phones of sessions that outlived a restart, opens the link. */
    public void start() {
        journal.start();
        attachments.restore(sessions.liveLogins());
        ports.cti().start(inbound);
    }

    public AuthenticationUseCase authentication() {
        return sessions;
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

    public Housekeeping housekeeping() {
        return housekeeping;
    }

    public CallRegistry calls() {
        return calls;
    }

    public EventJournal journal() {
        return journal;
    }

    public PhoneAttachments attachments() {
        return attachments;
    }

    public DeliveryHub hub() {
        return hub;
    }

    /** Writes the delivery positions handed out since the last call; the app runs it every second. */
    public void flushDeliveredCursors() {
        sessions.flushDeliveredCursors();
    }

    /** Closes the link, then stores what is still queued and where each session got to. */
    @Override
    public void close() throws InterruptedException {
        ports.cti().stop();
        journal.drainAndStop(Duration.ofSeconds(10));
        try {
            sessions.flushDeliveredCursors();
        } catch (RuntimeException e) {
            System.getLogger(CoreServices.class.getName()).log(System.Logger.Level.WARNING,
                    "delivery positions not saved at shutdown: {0}", e.toString());
        }
        readers.shutdown();
        readers.awaitTermination(5, TimeUnit.SECONDS);
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
