package io.ctimw.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.AuditAction;
import io.ctimw.core.model.AuditEntry;
import io.ctimw.core.model.AuditPage;
import io.ctimw.core.model.AuditQuery;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.StoredAuditEntry;
import io.ctimw.core.port.out.AuditArchive;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AuditArchive} must do; extend it with a factory for the implementation under test. */
public abstract class AuditArchiveContract {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00.000001Z");
    private static final Login ALICE = new Login("alice");
    private static final Login ADMIN = new Login("admin");

    private AuditArchive archive;

    /** A fresh archive with no entries in it. */
    protected abstract AuditArchive newEmptyArchive();

    @BeforeEach
    void freshArchive() {
        archive = newEmptyArchive();
    }

    private static AuditEntry failedLogin(int second) {
        return AuditEntry.event(T0.plusSeconds(second), AuditAction.LOGIN_FAILED, null, "10.0.0." + second, "alice",
                "wrong password");
    }

    private List<AuditEntry> read(AuditQuery query) {
        return archive.page(query).entries().stream().map(StoredAuditEntry::entry).toList();
    }

    private static AuditQuery filtered(AuditAction action, Login actor, String target, Instant from, Instant to) {
        return new AuditQuery(action, actor, target, from, to, 100, OptionalLong.empty());
    }

    @Test
    void everyFieldComesBackAsRecordedNewestFirst() {
        AuditEntry change = new AuditEntry(T0.plusSeconds(2), AuditAction.USER_CHANGED, ADMIN, "192.0.2.7", "alice",
                "{\"role\":\"agent\"}", "{\"role\":\"admin\"}", "quotes ' \" and ünïcödé");
        archive.append(List.of(failedLogin(1), change));

        assertEquals(List.of(change, failedLogin(1)), read(AuditQuery.newest(10)));
    }

    @Test
    void idsGrowInTheOrderStored() {
        archive.append(List.of(failedLogin(1), failedLogin(2)));
        archive.append(List.of(failedLogin(3)));

        List<Long> ids = archive.page(AuditQuery.newest(10)).entries().stream().map(StoredAuditEntry::id).toList();
        assertEquals(3, ids.size());
        assertTrue(ids.get(0) > ids.get(1) && ids.get(1) > ids.get(2), ids.toString());
    }

    @Test
    void newestMeansLatestTimeEvenWhenStoredLater() {
        archive.append(List.of(failedLogin(5)));
        archive.append(List.of(failedLogin(1))); // waited in a buffer while the database was down

        assertEquals(List.of(failedLogin(5), failedLogin(1)), read(AuditQuery.newest(10)));
    }

    @Test
    void pagesFollowOneAnotherWithoutGapOrRepeat() {
        archive.append(List.of(failedLogin(1), failedLogin(2), failedLogin(3), failedLogin(4), failedLogin(5)));

        AuditPage first = archive.page(AuditQuery.newest(2));
        AuditPage second = archive.page(new AuditQuery(null, null, null, null, null, 2, first.next()));
        AuditPage third = archive.page(new AuditQuery(null, null, null, null, null, 2, second.next()));

        assertEquals(List.of(failedLogin(5), failedLogin(4)), first.entries().stream().map(StoredAuditEntry::entry).toList());
        assertEquals(List.of(failedLogin(3), failedLogin(2)), second.entries().stream().map(StoredAuditEntry::entry).toList());
        assertEquals(List.of(failedLogin(1)), third.entries().stream().map(StoredAuditEntry::entry).toList());
        assertEquals(OptionalLong.empty(), third.next(), "the last page says there is no more");
    }

    @Test
    void filtersCombineAndTheTimeWindowIncludesFromButNotTo() {
        AuditEntry denied = AuditEntry.event(T0.plusSeconds(2), AuditAction.ADMIN_DENIED, ALICE, null, "role admin", null);
        AuditEntry foreign = AuditEntry.event(T0.plusSeconds(3), AuditAction.FOREIGN_CALL, ALICE, null, "c7", "Hangup");
        archive.append(List.of(failedLogin(1), denied, foreign, failedLogin(4)));

        assertEquals(List.of(foreign), read(filtered(AuditAction.FOREIGN_CALL, null, null, null, null)));
        assertEquals(List.of(foreign, denied), read(filtered(null, ALICE, null, null, null)));
        assertEquals(List.of(failedLogin(4), failedLogin(1)), read(filtered(null, null, "alice", null, null)));
        assertEquals(List.of(foreign, denied), read(filtered(null, null, null, T0.plusSeconds(2), T0.plusSeconds(4))));
        assertEquals(List.of(denied), read(filtered(AuditAction.ADMIN_DENIED, ALICE, "role admin", T0, null)));
        assertEquals(List.of(), read(filtered(AuditAction.LOGIN_FAILED, ALICE, null, null, null)));
    }

    @Test
    void retentionDeletesOnlyWhatWasRecordedBeforeTheCutoff() {
        archive.append(List.of(failedLogin(1), failedLogin(2), failedLogin(3)));

        assertEquals(1, archive.deleteRecordedBefore(T0.plusSeconds(2)));

        assertEquals(List.of(failedLogin(3), failedLogin(2)), read(AuditQuery.newest(10)));
        assertEquals(0, archive.deleteRecordedBefore(T0.plusSeconds(2)));
    }
}
