package io.ctimw.core.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.CoreFixture;
import io.ctimw.core.model.AuditAction;
import io.ctimw.core.model.AuditEntry;
import io.ctimw.core.model.CallId;
import io.ctimw.core.model.ControlRequest;
import io.ctimw.core.model.ControlResult;
import io.ctimw.core.model.CtiReply;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.Session;
import io.ctimw.core.testing.FakeCtiGateway;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallControlServiceTest {
    private final CoreFixture f = new CoreFixture();
    private final Session agent1 = f.session(f.login("agent1"));
    private final Session agent2 = f.session(f.login("agent2"));

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private ControlResult control(Session s, String name, Object... kv) throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            fields.put((String) kv[i], kv[i + 1]);
        }
        return f.core.control.control(s, new ControlRequest(name, fields)).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void aCommandGoesOutWithTheSessionsLoginAndTheCtisCid() throws Exception {
        CallId cid = f.cti.incomingCall("agent1");
        assertInstanceOf(ControlResult.Accepted.class, control(agent1, "Answer", "cid", cid.text()));
        FakeCtiGateway.Sent sent = f.cti.sent().get(0);
        assertEquals(new Login("agent1"), sent.login());
        assertEquals(cid, sent.command().fields().get("cid"));
    }

    @Test
    void aNumericCidFromTheCtiIsSentBackAsANumberWhicheverWayTheAgentWroteIt() throws Exception {
        f.cti.numericCids(true);
        CallId cid = f.cti.incomingCall("agent1");
        control(agent1, "Hold", "cid", cid.text(), "on", true); // agent wrote "100" as a string
        control(agent1, "Mute", "cid", Integer.parseInt(cid.text()), "on", false);
        control(agent1, "SetActive", "cid", new BigInteger(cid.text()));
        assertEquals(3, f.cti.sent().size());
        f.cti.sent().forEach(s -> assertTrue(((CallId) s.command().fields().get("cid")).numeric()));
    }

    @Test
    void anotherAgentsCallIsRefusedAndNothingReachesTheCti() throws Exception {
        CallId cid = f.cti.incomingCall("agent1");
        ControlResult result = control(agent2, "Hangup", "cid", cid.text());
        assertEquals(new ControlResult.UnknownCall(cid.text()), result);
        assertTrue(f.cti.sent().isEmpty());
    }

    @Test
    void aCommandNamingAnotherAgentsCallIsAuditedWithTheCidTriedAndNothingIsSent() throws Exception {
        CallId cid = f.cti.incomingCall("agent1");
        control(agent2, "Hangup", "cid", cid.text());
        control(agent2, "Answer", "cid", "guessed-42");

        assertEquals(List.of(
                AuditEntry.event(f.clock.instant(), AuditAction.FOREIGN_CALL, new Login("agent2"), null, cid.text(), "Hangup"),
                AuditEntry.event(f.clock.instant(), AuditAction.FOREIGN_CALL, new Login("agent2"), null, "guessed-42", "Answer")),
                f.audit.of(AuditAction.FOREIGN_CALL));
        assertTrue(f.cti.sent().isEmpty());
    }

    @Test
    void anAgentsOwnCallIsNotAudited() throws Exception {
        CallId cid = f.cti.incomingCall("agent1");
        assertInstanceOf(ControlResult.Accepted.class, control(agent1, "Answer", "cid", cid.text()));
        assertEquals(List.of(), f.audit.entries());
    }

    @Test
    void aClosedCallIsForgotten() throws Exception {
        CallId cid = f.cti.incomingCall("agent1");
        assertInstanceOf(ControlResult.Accepted.class, control(agent1, "Hangup", "cid", cid.text())); // fake emits OnClose
        assertInstanceOf(ControlResult.UnknownCall.class, control(agent1, "Answer", "cid", cid.text()));
        assertEquals(1, f.cti.sent().size());
    }

    @Test
    void malformedCommandsAreInvalidAndNeverSent() throws Exception {
        CallId cid = f.cti.incomingCall("agent1");
        List<ControlResult> results = List.of(
                control(agent1, "Reboot"),
                control(agent1, null),
                control(agent1, "Answer"),
                control(agent1, "Hold", "cid", cid.text()),
                control(agent1, "Hold", "cid", cid.text(), "on", "yes"),
                control(agent1, "Answer", "cid", cid.text(), "login", "agent2"),
                control(agent1, "Answer", "cid", cid.text(), "rid", "x"),
                control(agent1, "SendDTMFSignal", "cid", cid.text(), "DTMFString", "12a"),
                control(agent1, "ChangeUserState", "state", "offline"),
                control(agent1, "MakeCall", "phoneNumber", "12 34"),
                control(agent1, "Answer", "cid", 1.5),
                control(agent1, "Answer", "cid", List.of(1)));
        results.forEach(r -> assertInstanceOf(ControlResult.Invalid.class, r, r.toString()));
        assertTrue(f.cti.sent().isEmpty());
    }

    @Test
    void theInvalidDetailNamesTheFieldAndWhatIsExpected() throws Exception {
        ControlResult.Invalid invalid = assertInstanceOf(ControlResult.Invalid.class,
                control(agent1, "ChangeUserState", "state", "offline"));
        assertTrue(invalid.detail().contains("'state'") && invalid.detail().contains("away"), invalid.detail());
    }

    @Test
    void ctiRepliesMapToOutcomes() throws Exception {
        f.cti.replies(s -> switch (s.command().name()) {
            case "MakeCall" -> new CtiReply.Rejected("number barred");
            case "ChangeUserState" -> new CtiReply.TimedOut();
            case "GetUserState" -> new CtiReply.Unparsed("bad json");
            default -> null;
        });
        assertEquals(new ControlResult.CtiRejected("number barred"), control(agent1, "MakeCall", "phoneNumber", "+3512345"));
        assertInstanceOf(ControlResult.TimedOut.class, control(agent1, "ChangeUserState", "state", "away", "reason", "Dinner"));
        assertInstanceOf(ControlResult.CtiParseError.class, control(agent1, "GetUserState"));
        f.cti.linkDown("test");
        assertInstanceOf(ControlResult.Unavailable.class, control(agent1, "GetUserState"));
    }

    @Test
    void aCallsReplyIsTheTruthForTheLoginsCalls() throws Exception {
        CallId stale = CallId.ofText("stale");
        CallId live = f.cti.incomingCall("agent1");
        f.core.calls.replace(new Login("agent1"), List.of(stale)); // a view that drifted from the CTI's
        ControlResult.DataReply data = assertInstanceOf(ControlResult.DataReply.class, control(agent1, "GetCalls"));
        assertEquals("Calls", data.name());
        assertEquals(List.of(live), f.core.calls.current(new Login("agent1")));
    }
}
