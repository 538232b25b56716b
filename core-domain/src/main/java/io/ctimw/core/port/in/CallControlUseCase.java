package io.ctimw.core.port.in;

import io.ctimw.core.model.ControlRequest;
import io.ctimw.core.model.ControlResult;
import io.ctimw.core.model.Session;
import java.util.concurrent.CompletionStage;

/** An agent controlling its own phone. The stage always completes normally with a {@link ControlResult}. */
public interface CallControlUseCase {
    CompletionStage<ControlResult> control(Session session, ControlRequest request);
}
