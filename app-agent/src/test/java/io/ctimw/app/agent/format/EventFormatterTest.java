package io.ctimw.app.agent.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EventFormatterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EventFormatter utc = new EventFormatter(ZoneOffset.UTC);

    private String line(String json) throws Exception {
        return utc.line(JSON.readTree(json));
    }

    @Test
    void newCallShowsCidStateDirectionAndParty() throws Exception {
        assertEquals("10:00:00 NewCall              cid=c1 state=new dir=in Alice (+3512345 -> 100)",
                line("{\"_cursor\":12,\"_receivedAt\":\"2026-11-21T10:00:00.123Z\",\"name\":\"NewCall\",\"login\":\"agent1\","
                        + "\"cid\":\"c1\",\"type\":\"voice\",\"state\":\"new\",\"direction\":\"in\",\"hold\":false,\"muted\":false,"
                        + "\"displayName\":\"Alice\",\"params\":{\"caller\":\"+3512345\",\"called\":\"100\",\"sessionId\":\"s1\"}}"));
    }

    @Test
    void callStatusShowsHoldAndMuteFlags() throws Exception {
        assertEquals("10:00:05 CallStatus           cid=7 state=connected dir=out +3512345 -> 200 [hold,muted]",
                line("{\"_receivedAt\":\"2026-11-21T10:00:05Z\",\"name\":\"CallStatus\",\"cid\":7,\"state\":\"connected\","
                        + "\"direction\":\"out\",\"hold\":true,\"muted\":true,\"displayName\":\"\","
                        + "\"params\":{\"caller\":\"+3512345\",\"called\":\"200\"},\"localParams\":{\"x\":1}}"));
    }

    @Test
    void userStateShowsStateSubstatesAndReason() throws Exception {
        assertEquals("10:00:00 UserState            state=notavailable (away) reason=Dinner",
                line("{\"_receivedAt\":\"2026-11-21T10:00:00Z\",\"name\":\"UserState\",\"login\":\"agent1\","
                        + "\"state\":\"notavailable\",\"substates\":[\"away\"],\"time\":12345,\"reason\":\"Dinner\"}"));
    }

    @Test
    void middlewareEventsShowReasonAndDescription() throws Exception {
        assertEquals("10:00:00 mw.PhoneUnavailable  reason=cti-link-down: the CTI connection was lost",
                line("{\"_receivedAt\":\"2026-11-21T10:00:00Z\",\"name\":\"mw.PhoneUnavailable\",\"login\":\"agent1\","
                        + "\"reason\":\"cti-link-down\",\"description\":\"the CTI connection was lost\"}"));
        assertEquals("10:00:01 mw.PhoneAvailable",
                line("{\"_receivedAt\":\"2026-11-21T10:00:01Z\",\"name\":\"mw.PhoneAvailable\",\"login\":\"agent1\"}"));
    }

    @Test
    void transferFailedNamesTheStatusCode() throws Exception {
        assertEquals("10:00:00 TransferFailed       cid=c1 status=7 Busy",
                line("{\"_receivedAt\":\"2026-11-21T10:00:00Z\",\"name\":\"TransferFailed\",\"cid\":\"c1\",\"status\":\"7\"}"));
    }

    @Test
    void unknownEventsShowTheirOtherFields() throws Exception {
        assertEquals("10:00:00 ConferenceInfo       confId=k9 members=[\"a\",\"b\"]",
                line("{\"_receivedAt\":\"2026-11-21T10:00:00Z\",\"_cursor\":3,\"name\":\"ConferenceInfo\",\"login\":\"agent1\","
                        + "\"confId\":\"k9\",\"members\":[\"a\",\"b\"]}"));
    }

    @Test
    void callsEventSummarisesTheCalls() throws Exception {
        assertEquals("10:00:00 Calls                2 calls: c1 connected, c2 new",
                line("{\"_receivedAt\":\"2026-11-21T10:00:00Z\",\"name\":\"Calls\",\"calls\":["
                        + "{\"cid\":\"c1\",\"state\":\"connected\"},{\"cid\":\"c2\",\"state\":\"new\"}]}"));
    }

    @Test
    void timeIsLocalAndMissingTimeIsMarked() throws Exception {
        EventFormatter berlin = new EventFormatter(ZoneId.of("Europe/Berlin"));
        assertEquals("11:00:00 OnClose              cid=c1",
                berlin.line(JSON.readTree("{\"_receivedAt\":\"2026-11-21T10:00:00Z\",\"name\":\"OnClose\",\"cid\":\"c1\"}")));
        assertEquals("--:--:-- OnClose              cid=c1", line("{\"name\":\"OnClose\",\"cid\":\"c1\"}"));
    }
}
