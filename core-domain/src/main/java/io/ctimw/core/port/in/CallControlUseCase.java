package io.ctimw.core.port.in;

import io.ctimw.core.model.ControlRequest;
import io.ctimw.core.model.ControlResult;
import io.ctimw.core.model.Entitlements;
import io.ctimw.core.model.Session;
import java.util.concurrent.CompletionStage;

/** An agent controlling its own phone. The stage always completes normally with a {@link ControlResult}. */
public interface CallControlUseCase {
    CompletionStage<ControlResult> control(Session session, ControlRequest request);

    /** What the session's user may send now (its grants as of this call). */
    Entitlements entitlements(Session session);
}
