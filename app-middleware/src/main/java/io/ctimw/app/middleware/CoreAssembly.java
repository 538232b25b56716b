package io.ctimw.app.middleware;

import io.ctimw.adapters.ctiws.WsCtiGateway;
import io.ctimw.adapters.postgres.BcryptPasswordHasher;
import io.ctimw.adapters.postgres.CpuBoundedHasher;
import io.ctimw.adapters.postgres.JdbiAuditArchive;
import io.ctimw.adapters.postgres.JdbiCommandLedger;
import io.ctimw.adapters.postgres.JdbiEventStore;
import io.ctimw.adapters.postgres.JdbiRequestLogStore;
import io.ctimw.adapters.postgres.JdbiSessionStore;
import io.ctimw.adapters.postgres.JdbiSettingStore;
import io.ctimw.adapters.postgres.JdbiUserStore;
import io.ctimw.adapters.postgres.intake.IntakeLogException;
import io.ctimw.adapters.postgres.intake.MappedIntakeLog;
import io.ctimw.core.CorePorts;
import io.ctimw.core.CoreServices;
import io.ctimw.core.port.out.AuditTrail;
import io.ctimw.core.port.out.CtiGateway;
import io.ctimw.core.port.out.EventStore;
import io.ctimw.core.port.out.IntakeLog;
import io.ctimw.core.port.out.PasswordHasher;
import io.ctimw.core.port.out.TokenGenerator;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core over the production adapters, unstarted: the part of the wiring the server and the
 * {@code users} command share, so an account is administered by the very services that log it in.
 */
final class CoreAssembly {
    private static final Logger LOG = LoggerFactory.getLogger(CoreAssembly.class);

    /** The outbound adapters that are not plain stores: chosen by the server, defaulted by the command. */
    record Extras(EventStore events, CtiGateway cti, IntakeLog intake, AuditTrail audit) {}

    private CoreAssembly() {
    }

    /** For the {@code users} command: never started, no CTI link, no intake log (the server's is locked). */
    static CoreServices forCommand(MiddlewareSettings s, Jdbi jdbi) {
        JdbiAuditArchive archive = new JdbiAuditArchive(jdbi);
        return core(s, jdbi, new Extras(new JdbiEventStore(jdbi), new WsCtiGateway(AdapterSettings.ctiSettings(s.cti())),
                IntakeLog.none(), AuditTrails.both(new LoggedAuditTrail(), AuditTrails.direct(archive))), archive);
    }

    static CoreServices core(MiddlewareSettings s, Jdbi jdbi, Extras extras, JdbiAuditArchive archive) {
        return new CoreServices(new CorePorts(new JdbiUserStore(jdbi), new JdbiSessionStore(jdbi),
                extras.events(), extras.cti(), passwordHasher(s), TokenGenerator.secureRandom(), Clock.systemUTC(),
                extras.audit(), archive, new JdbiSettingStore(jdbi), extras.intake()), AdapterSettings.coreSettings(s),
                new JdbiRequestLogStore(jdbi), AdapterSettings.requestLogSettings(s), new JdbiCommandLedger(jdbi),
                AdapterSettings.ledgerSettings(s));
    }

    /** The intake log, stamped for this database; a folder it cannot write stops the start with one line. */
    static IntakeLog openIntake(MiddlewareSettings.Intake s, JdbiEventStore store) {
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
}
