package io.ctimw.core.port.in;

import io.ctimw.core.model.CommandId;
import io.ctimw.core.model.CommandReceipt;
import io.ctimw.core.model.CommandRecord;
import io.ctimw.core.model.ControlRequest;
import io.ctimw.core.model.ControlResult;
import io.ctimw.core.model.Entitlements;
import io.ctimw.core.model.Session;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** An agent controlling its own phone, and reading back the commands it sent (the command ledger). */
public interface CallControlUseCase {
    /**
     * Relays the command (or, for a retry under the same idempotency key, answers as the first attempt did).
     * The stage completes with a receipt, or fails with {@code StoreUnavailableException} when a key was
     * given and the ledger cannot be reached (nothing was sent then).
     */
    CompletionStage<CommandReceipt> relay(Session session, ControlRequest request);

    /** The result alone. */
    default CompletionStage<ControlResult> control(Session session, ControlRequest request) {
        return relay(session, request).thenApply(CommandReceipt::result);
    }

    /** The caller's own command; empty for an unknown id and for another login's alike. */
    Optional<CommandRecord> command(Session session, CommandId id);

    /** The caller's own commands older than {@code before} (the newest when null), newest first. */
    List<CommandRecord> commands(Session session, CommandId before, int limit);

    /** What the session's user may send now (its grants as of this call). */
    Entitlements entitlements(Session session);
}
