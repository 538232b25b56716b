package io.ctimw.core.testing;

import io.ctimw.core.model.AuditEntry;
import io.ctimw.core.model.AuditPage;
import io.ctimw.core.model.AuditQuery;
import io.ctimw.core.model.StoredAuditEntry;
import io.ctimw.core.port.out.AuditArchive;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The audit archive in memory, with the same ordering and paging as the database's; can be switched off. */
public final class InMemoryAuditArchive implements AuditArchive {
    private static final Comparator<StoredAuditEntry> NEWEST_FIRST = Comparator
            .comparing((StoredAuditEntry s) -> s.entry().at()).thenComparingLong(StoredAuditEntry::id).reversed();

    private final StoreOutage outage = new StoreOutage("audit archive");
    private final List<StoredAuditEntry> stored = new ArrayList<>();
    private long lastId;

    @Override
    public synchronized void append(List<AuditEntry> entries) {
        outage.check();
        entries.forEach(e -> stored.add(new StoredAuditEntry(++lastId, e)));
    }

    @Override
    public synchronized AuditPage page(AuditQuery query) {
        outage.check();
        StoredAuditEntry after = query.before().isEmpty() ? null
                : stored.stream().filter(s -> s.id() == query.before().getAsLong()).findFirst().orElse(null);
        if (query.before().isPresent() && after == null) {
            return new AuditPage(List.of(), java.util.OptionalLong.empty());
        }
        List<StoredAuditEntry> matching = stored.stream()
                .filter(s -> query.matches(s.entry()))
                .filter(s -> after == null || NEWEST_FIRST.compare(s, after) > 0)
                .sorted(NEWEST_FIRST).limit(query.limit() + 1L).toList();
        return AuditPage.of(matching, query.limit());
    }

    @Override
    public synchronized int deleteRecordedBefore(Instant cutoff) {
        outage.check();
        int before = stored.size();
        stored.removeIf(s -> s.entry().at().isBefore(cutoff));
        return before - stored.size();
    }

    public synchronized List<AuditEntry> entries() {
        return stored.stream().map(StoredAuditEntry::entry).toList();
    }

    public void setAvailable(boolean available) {
        outage.setAvailable(available);
    }
}
