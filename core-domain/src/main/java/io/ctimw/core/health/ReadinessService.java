package io.ctimw.core.health;

import io.ctimw.core.call.PhoneAttachments;
import io.ctimw.core.event.EventJournal;
import io.ctimw.core.port.in.ReadinessUseCase;
import io.ctimw.core.port.out.CtiGateway;
import io.ctimw.core.port.out.EventStore;

/** Answers readiness probes from a live database round trip and the link's own state. */
public final class ReadinessService implements ReadinessUseCase {
    private final EventStore store;
    private final CtiGateway gateway;
    private final EventJournal journal;
    private final PhoneAttachments attachments;

    public ReadinessService(EventStore store, CtiGateway gateway, EventJournal journal, PhoneAttachments attachments) {
        this.store = store;
        this.gateway = gateway;
        this.journal = journal;
        this.attachments = attachments;
    }

    @Override
    public Readiness check() {
        boolean database;
        try {
            store.ping();
            database = true;
        } catch (RuntimeException e) {
            database = false;
        }
        return new Readiness(database, gateway.isReady(), journal.pending(), attachments.reachableCount(),
                journal.quarantined(), journal.quarantineFailures());
    }
}
