package io.ctimw.adapters.postgres;

import io.ctimw.core.port.out.StoreUnavailableException;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs the stores' Jdbi calls and turns every "database unreachable" failure into
 * {@link StoreUnavailableException}, the one failure the core retries. Anything else (a bug, a
 * constraint violation) propagates unchanged.
 */
final class GuardedJdbi {
    private final Jdbi jdbi;
    private final String storeName;

    GuardedJdbi(Jdbi jdbi, String storeName) {
        this.jdbi = jdbi;
        this.storeName = storeName;
    }

    <R> R withHandle(HandleCallback<R, RuntimeException> callback) {
        try {
            return jdbi.withHandle(callback);
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    private RuntimeException translate(RuntimeException e) {
        if (SqlFailures.isUnreachable(e)) {
            return new StoreUnavailableException(storeName + " unavailable: " + SqlFailures.rootMessage(e), e);
        }
        return e;
    }
}
