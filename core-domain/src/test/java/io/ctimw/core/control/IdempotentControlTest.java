package io.ctimw.core.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.CoreFixture;
import io.ctimw.core.model.CallId;
import io.ctimw.core.model.CommandId;
import io.ctimw.core.model.CommandReceipt;
import io.ctimw.core.model.CommandRecord;
import io.ctimw.core.model.ControlRequest;
import io.ctimw.core.model.ControlResult;
import io.ctimw.core.model.IdempotencyKey;
import io.ctimw.core.model.Session;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ledger seen through call control: validation first, then the key, then the CTI. */
class IdempotentControlTest {
    private static final IdempotencyKey KEY = new IdempotencyKey("press-answer-1");

    private final CoreFixture f = new CoreFixture();
    private final Session agent1 = f.session(f.login("agent1"));
    private final Session agent2 = f.session(f.login("agent2"));

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private CommandReceipt relay(Session s, IdempotencyKey key, String name, Map<String, Object> fields)
            throws Exception {
        return f.core.control.relay(s, new ControlRequest(name, fields, key)).toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
    }

    @Test
    void aRetriedHangupWhoseCallIsGoneReplaysInsteadOfAnsweringUnknownCall() throws Exception {
        CallId cid = f.cti.incomingCall("agent1");
        CommandReceipt first = relay(agent1, KEY, "Hangup", Map.of("cid", cid.text()));
        CommandReceipt retry = relay(agent1, KEY, "Hangup", Map.of("cid", cid.text()));
        assertEquals(new CommandReceipt(first.id(), new ControlResult.Accepted("Hangup"), true), retry);
        assertEquals(1, f.cti.sent().size());
    }

    @Test
    void keysArePerLoginAndAForeignCallUnderATakenKeyStaysUnknown() throws Exception {
        CallId cid1 = f.cti.incomingCall("agent1");
        CallId cid2 = f.cti.incomingCall("agent2");
        relay(agent1, KEY, "Answer", Map.of("cid", cid1.text()));
        CommandReceipt other = relay(agent2, KEY, "Answer", Map.of("cid", cid2.text()));
        assertFalse(other.replayed(), "agent2's key is its own");
        assertEquals(2, f.cti.sent().size());
        CommandReceipt foreign = relay(agent2, new IdempotencyKey("k2"), "Answer", Map.of("cid", cid1.text()));
        assertEquals(CommandReceipt.unrecorded(new ControlResult.UnknownCall(cid1.text())), foreign);
    }

    @Test
    void refusedCommandsAreNotLedgeredAndTheirKeyStaysFree() throws Exception {
        CommandReceipt invalid = relay(agent1, KEY, "Hold", Map.of("cid", "7"));
        assertInstanceOf(ControlResult.Invalid.class, invalid.result());
        assertNull(invalid.id());
        assertTrue(f.core.control.commands(agent1, null, 10).isEmpty());
        assertInstanceOf(ControlResult.Accepted.class, relay(agent1, KEY, "GetUserState", Map.of()).result());
    }

    @Test
    void aLoginReadsOnlyItsOwnCommands() throws Exception {
        CommandReceipt mine = relay(agent1, null, "GetUserState", Map.of());
        relay(agent2, null, "GetUserState", Map.of());
        CommandRecord stored = f.core.control.command(agent1, mine.id()).orElseThrow();
        assertEquals("GetUserState", stored.name());
        assertEquals(List.of(mine.id()), f.core.control.commands(agent1, null, 10).stream().map(CommandRecord::id)
                .toList());
        assertTrue(f.core.control.command(agent2, mine.id()).isEmpty(), "another login's id is not found");
        assertTrue(f.core.control.command(agent1, new CommandId("c999999")).isEmpty());
    }
}
