package io.ctimw.adapters.ctiws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.CallId;
import io.ctimw.core.model.CtiEvent;
import io.ctimw.core.model.CtiReply;
import io.ctimw.core.model.Login;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON codec on its own: exact command text, and every reading of inbound frames. */
class CtiJsonCodecTest {
    private final CtiJsonCodec codec = new CtiJsonCodec();
    private final Login login = new Login("agent1");

    @Test
    void commandsAreRidNameFieldsLoginWithCidsInTheirOwnJsonType() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("cid", CallId.ofNumber(12345678901234L));
        fields.put("other", CallId.ofText("007"));
        fields.put("on", true);
        fields.put("DTMFString", "12#");
        assertEquals("{\"rid\":\"r1\",\"name\":\"Hold\",\"cid\":12345678901234,\"other\":\"007\",\"on\":true,"
                + "\"DTMFString\":\"12#\",\"login\":\"agent1\"}", codec.command("r1", "Hold", fields, login));
        assertEquals("{\"rid\":\"r2\",\"name\":\"Answer\",\"cid\":9223372036854775808,\"login\":\"agent1\"}",
                codec.command("r2", "Answer", Map.of("cid", new CallId("9223372036854775808", true)), login));
    }

    @Test
    void setProtocolVersionHasNoLogin() {
        assertEquals("{\"rid\":\"r0\",\"name\":\"SetProtocolVersion\",\"protocolVersion\":\"13\"}",
                codec.setProtocolVersion("r0", "13"));
    }

    @Test
    void fieldsThatClashWithTheEnvelopeOrHaveOtherTypesAreProgrammingErrors() {
        assertThrows(IllegalArgumentException.class, () -> codec.command("r", "X", Map.of("rid", "r9"), login));
        assertThrows(IllegalArgumentException.class, () -> codec.command("r", "X", Map.of("login", "b"), login));
        assertThrows(IllegalArgumentException.class, () -> codec.command("r", "X", Map.of("p", List.of()), login));
    }

    @Test
    void replyKindsFollowTheMessageName() {
        assertEquals(new CtiReply.Ok(), codec.reply(message("{\"rid\":\"r\",\"name\":\"Ok\"}")));
        assertEquals(new CtiReply.Rejected("unknown login x"),
                codec.reply(message("{\"rid\":\"r\",\"name\":\"Error\",\"description\":\"unknown login x\"}")));
        assertEquals(new CtiReply.Unparsed("bad json"),
                codec.reply(message("{\"rid\":\"r\",\"name\":\"ParseError\",\"description\":\"bad json\"}")));
        assertEquals(new CtiReply.Rejected("(no description)"), codec.reply(message("{\"rid\":\"r\",\"name\":\"Error\"}")));
        String calls = "{\"rid\":\"r\",\"name\":\"Calls\",\"login\":\"agent1\",\"calls\":[{\"cid\":\"a\"},{\"cid\":7},"
                + "{\"cid\":1.5},{\"nocid\":1},3]}";
        CtiReply.Data data = assertInstanceOf(CtiReply.Data.class, codec.reply(message(calls)));
        assertEquals("Calls", data.name());
        assertEquals(calls, data.json());
        assertEquals(List.of(CallId.ofText("a"), CallId.ofNumber(7)), data.calls());
        assertNull(((CtiReply.Data) codec.reply(message("{\"rid\":\"r\",\"name\":\"UserState\"}"))).calls());
    }

    @Test
    void eventsCarryLoginCidStateAndTheVerbatimText() {
        String raw = "{\"name\":\"UserState\",\"login\":\"agent1\",\"state\":\"away\",\"cid\":42,\"x\":{}}";
        CtiEvent event = codec.event(message(raw)).orElseThrow();
        assertEquals(new CtiEvent(login, "UserState", CallId.ofNumber(42), null, "away", raw), event);
        CtiEvent other = codec.event(message("{\"name\":\"CallStatus\",\"login\":\"agent1\",\"state\":\"new\"}"))
                .orElseThrow();
        assertNull(other.state(), "state is read for UserState only");
        assertNull(other.cid());
        assertTrue(codec.event(message("{\"name\":\"X\",\"login\":\"no spaces allowed\"}")).isEmpty());
        assertTrue(codec.event(message("{\"name\":\"X\",\"login\":5}")).isEmpty());
    }

    @Test
    void unusableCidsAreDroppedButTheEventIsKept() {
        assertNull(CtiJsonCodec.callId(message("{\"name\":\"X\",\"cid\":\"\"}").json().get("cid")));
        assertNull(CtiJsonCodec.callId(message("{\"name\":\"X\",\"cid\":123456789012345678901}").json().get("cid")));
        assertNull(CtiJsonCodec.callId(message("{\"name\":\"X\",\"cid\":true}").json().get("cid")));
        assertEquals(new CallId("-3", true), CtiJsonCodec.callId(message("{\"name\":\"X\",\"cid\":-3}").json().get("cid")));
    }

    @Test
    void malformedFramesSayWhy() {
        for (String text : List.of("", "not json {", "[1]", "42", "null", "{\"login\":\"a\"}", "{\"name\":5}",
                "{\"name\":\"\"}", "{\"name\":\"A\"} {\"name\":\"B\"}")) {
            assertInstanceOf(InboundFrame.Malformed.class, codec.decode(text), text);
        }
        InboundFrame.Message noStringRid = message("{\"name\":\"Ok\",\"rid\":5}");
        assertNull(noStringRid.rid());
        assertTrue(noStringRid.isService());
    }

    private InboundFrame.Message message(String text) {
        return assertInstanceOf(InboundFrame.Message.class, codec.decode(text), text);
    }
}
