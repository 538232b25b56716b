package io.ctimw.core.port.out;

import io.ctimw.core.model.ControlCommand;
import io.ctimw.core.model.CtiReply;
import io.ctimw.core.model.Login;
import java.util.concurrent.CompletionStage;

/**
 * The one link to the contact center's CTI API. Every command gets exactly one {@link CtiReply};
 * the stage never completes exceptionally: a dropped link or a missing reply are replies too
 * ({@link CtiReply.LinkDown}, {@link CtiReply.TimedOut}). Calls never block the caller.
 */
public interface CtiGateway {
    /** Starts connecting (and reconnecting forever) and reports to {@code listener}. Call once. */
    void start(CtiListener listener);

    /** {@code AttachToUser}: subscribes the link to the login's phone. */
    CompletionStage<CtiReply> attach(Login login);

    /** {@code DetachFromUser}. */
    CompletionStage<CtiReply> detach(Login login);

    /** Sends a validated command for {@code login} with a fresh unique rid. */
    CompletionStage<CtiReply> send(Login login, ControlCommand command);

    /** True while the link is connected and {@code SetProtocolVersion} has been answered Ok. */
    boolean isReady();

    /** Closes the link for good. */
    void stop();
}
