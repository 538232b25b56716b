package io.ctimw.core.model;

import java.util.List;
import java.util.OptionalLong;

/** One page of the audit trail, newest first; {@code next} is the {@code before} of the next page, when there is one. */
public record AuditPage(List<StoredAuditEntry> entries, OptionalLong next) {
    public AuditPage {
        entries = List.copyOf(entries);
        if (next == null) {
            throw new IllegalArgumentException("next must not be null");
        }
    }

    /** The page of {@code limit} entries out of up to {@code limit + 1} read, the extra one only saying "more". */
    public static AuditPage of(List<StoredAuditEntry> readOneMore, int limit) {
        if (readOneMore.size() <= limit) {
            return new AuditPage(readOneMore, OptionalLong.empty());
        }
        List<StoredAuditEntry> page = readOneMore.subList(0, limit);
        return new AuditPage(page, OptionalLong.of(page.get(limit - 1).id()));
    }
}
