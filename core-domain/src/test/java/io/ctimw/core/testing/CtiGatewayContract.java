package io.ctimw.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.CallId;
import io.ctimw.core.model.ControlCommand;
import io.ctimw.core.model.CtiEvent;
import io.ctimw.core.model.CtiReply;
import io.ctimw.core.model.Login;
import io.ctimw.core.port.out.CtiGateway;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CtiGateway} must do, run against the fake and against the real WebSocket link
 * talking to the CTI simulator.
 */
public abstract class CtiGatewayContract {
    protected static final Duration WAIT = Duration.ofSeconds(10);

    /** The far end the contract drives: the fake itself, or a CTI server knowing agent1 and agent2. */
    protected interface CtiRemote {
        default Login knownLogin() {
            return new Login("agent1");
        }

        default Login secondKnownLogin() {
            return new Login("agent2");
        }

        default Login unknownLogin() {
            return new Login("nobody");
        }

        /** Rings a call on an attached login's phone; returns its cid as the CTI reports it. */
        CallId incomingCall(Login login);

        /** Drops the link from the far end; the gateway must notice and come back by itself. */
        void dropLink();

        /** Names of the commands the far end received for {@code login}, in arrival order. */
        List<String> commandsReceived(Login login);
    }

    /** A new, not yet started gateway connected to {@link #remote()}. */
    protected abstract CtiGateway newGateway();

    protected abstract CtiRemote remote();

    /** Hook run right after {@code start}; the fake uses it to bring its link up. */
    protected void afterStart(CtiGateway gateway) {
    }

    protected CtiGateway gateway;
    protected RecordingCtiListener listener;

    @BeforeEach
    void startGateway() {
        gateway = newGateway();
        listener = new RecordingCtiListener();
        gateway.start(listener);
        afterStart(gateway);
        Await.until(() -> gateway.isReady() && listener.ups() >= 1, WAIT, "link never came up");
    }

    @AfterEach
    void stopGateway() {
        gateway.stop();
    }

    @Test
    void reportsReadyOnlyAfterInitialisation() {
        assertTrue(gateway.isReady());
        assertEquals(1, listener.ups());
        assertEquals(0, listener.downs());
    }

    @Test
    void attachingAKnownLoginIsAccepted() throws Exception {
        assertInstanceOf(CtiReply.Ok.class, reply(gateway.attach(remote().knownLogin())));
    }

    @Test
    void attachingAnUnknownLoginIsRejectedWithTheCtisReason() throws Exception {
        CtiReply reply = reply(gateway.attach(remote().unknownLogin()));
        CtiReply.Rejected rejected = assertInstanceOf(CtiReply.Rejected.class, reply);
        assertFalse(rejected.description().isBlank());
    }

    @Test
    void eventsOfAnAttachedLoginArriveWithTheirLoginAndCid() throws Exception {
        Login login = remote().knownLogin();
        reply(gateway.attach(login));
        CallId cid = remote().incomingCall(login);
        CtiEvent event = listener.awaitEvent(e -> e.name().equals("NewCall") && cid.equals(e.cid()), WAIT);
        assertEquals(login, event.login());
        assertTrue(event.json().contains("\"NewCall\""), event.json());
    }

    @Test
    void aCommandForAnAttachedLoginIsAnsweredAndReachesTheCti() throws Exception {
        Login login = remote().knownLogin();
        reply(gateway.attach(login));
        CallId cid = remote().incomingCall(login);
        listener.awaitEvent(e -> cid.equals(e.cid()), WAIT);
        CtiReply reply = reply(gateway.send(login, new ControlCommand("Answer", Map.of("cid", cid))));
        assertInstanceOf(CtiReply.Ok.class, reply);
        assertTrue(remote().commandsReceived(login).contains("Answer"), remote().commandsReceived(login).toString());
    }

    @Test
    void aCommandForALoginNotAttachedIsRejected() throws Exception {
        CtiReply reply = reply(gateway.send(remote().secondKnownLogin(), new ControlCommand("GetUserState", Map.of())));
        assertInstanceOf(CtiReply.Rejected.class, reply);
    }

    @Test
    void getCallsIsADataReplyListingTheCurrentCalls() throws Exception {
        Login login = remote().knownLogin();
        reply(gateway.attach(login));
        CallId cid = remote().incomingCall(login);
        listener.awaitEvent(e -> cid.equals(e.cid()), WAIT);
        CtiReply.Data data = assertInstanceOf(CtiReply.Data.class,
                reply(gateway.send(login, new ControlCommand("GetCalls", Map.of()))));
        assertEquals("Calls", data.name());
        assertTrue(data.calls().contains(cid), data.calls() + " should contain " + cid);
    }

    @Test
    void aDroppedLinkIsReportedAndComesBackByItself() throws Exception {
        Login login = remote().knownLogin();
        reply(gateway.attach(login));
        remote().dropLink();
        Await.until(() -> listener.downs() >= 1, WAIT, "link drop not reported");
        Await.until(() -> listener.ups() >= 2 && gateway.isReady(), WAIT, "link did not come back");
        assertInstanceOf(CtiReply.Ok.class, reply(gateway.attach(login)));
    }

    protected static CtiReply reply(java.util.concurrent.CompletionStage<CtiReply> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
