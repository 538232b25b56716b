package io.ctimw.core.port.in;

import io.ctimw.core.auth.Session;
import io.ctimw.core.control.ControlRequest;
import io.ctimw.core.control.ControlResult;
import java.util.concurrent.CompletionStage;

/** An agent controlling its own phone. The stage always completes normally with a {@link ControlResult}. */
public interface CallControlUseCase {
    CompletionStage<ControlResult> control(Session session, ControlRequest request);
}
