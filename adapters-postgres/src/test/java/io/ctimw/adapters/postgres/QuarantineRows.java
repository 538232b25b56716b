package io.ctimw.adapters.postgres;

import io.ctimw.core.model.Login;
import io.ctimw.core.testing.QuarantineRow;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Reads {@code event_quarantine} behind the store's back, for the contract tests. */
final class QuarantineRows {
    private QuarantineRows() {
    }

    static List<QuarantineRow> read(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("select login, raw, received_at, reason from event_quarantine order by id")
                .map((rs, ctx) -> QuarantineRow.of(new Login(rs.getString("login")), rs.getBytes("raw"),
                        Timestamps.read(rs, "received_at"), rs.getString("reason")))
                .list());
    }
}
