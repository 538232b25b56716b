package io.ctimw.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ctimw.core.CoreFixture;
import io.ctimw.core.model.AuditAction;
import io.ctimw.core.model.AuditEntry;
import io.ctimw.core.model.AuditQuery;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.Password;
import io.ctimw.core.model.Role;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.StoredAuditEntry;
import io.ctimw.core.port.in.AccessDeniedException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Only administrators read the audit trail; an agent's attempt is refused before the archive is read, and audited. */
class AuditReaderTest {
    private final CoreFixture f = new CoreFixture();

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private AuditEntry stored() {
        AuditEntry entry = AuditEntry.event(f.clock.instant(), AuditAction.LOGIN_FAILED, null, "192.0.2.1", "agent1", null);
        f.auditArchive.append(List.of(entry));
        return entry;
    }

    @Test
    void anAdministratorReadsTheArchive() {
        AuditEntry entry = stored();
        f.core.users.add(new Login("boss"), new Password(CoreFixture.PASSWORD), Role.ADMIN);
        Session admin = f.session(f.login("boss"));

        List<AuditEntry> read = f.core.audit.read(admin, AuditQuery.newest(10)).entries().stream()
                .map(StoredAuditEntry::entry).toList();

        assertEquals(List.of(entry), read);
        assertEquals(List.of(), f.audit.of(AuditAction.ADMIN_DENIED));
    }

    @Test
    void anAgentIsRefusedWithoutTheArchiveBeingReadAndTheAttemptIsAudited() {
        stored();
        Session agent = f.session(f.login("agent1"));
        f.auditArchive.setAvailable(false); // a read would throw StoreUnavailableException, not AccessDenied

        AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                () -> f.core.audit.read(agent, AuditQuery.newest(10)));

        assertEquals("role admin", denied.missing());
        assertEquals(List.of(AuditEntry.event(f.clock.instant(), AuditAction.ADMIN_DENIED, new Login("agent1"), null,
                "role admin", null)), f.audit.of(AuditAction.ADMIN_DENIED));
    }
}
