package io.ctimw.core.testing;

import io.ctimw.core.port.out.AuditArchive;

/** Runs the {@link AuditArchiveContract} against the in-memory fake, so the fake stays honest. */
class InMemoryAuditArchiveTest extends AuditArchiveContract {
    @Override
    protected AuditArchive newEmptyArchive() {
        return new InMemoryAuditArchive();
    }
}
