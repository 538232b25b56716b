package io.ctimw.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each kind of event the state rules know, and what they leave alone. */
class StateReducerTest {
    private static LoginState apply(LoginState state, String name, String fields) {
        String json = "{\"name\":\"" + name + "\",\"login\":\"agent1\"" + (fields.isEmpty() ? "" : "," + fields) + "}";
        return StateReducer.apply(state, name, json);
    }

    private static LoginState fold(String... nameAndFields) {
        LoginState state = LoginState.EMPTY;
        for (int i = 0; i < nameAndFields.length; i += 2) {
            state = apply(state, nameAndFields[i], nameAndFields[i + 1]);
        }
        return state;
    }

    @Test
    void userStateKeepsTheEventsFieldsWithoutTheEnvelope() {
        LoginState s = fold("UserState", "\"rid\":\"r1\",\"state\":\"normal\",\"substates\":[\"speaking\"],\"time\":17");
        assertEquals("{\"state\":\"normal\",\"substates\":[\"speaking\"],\"time\":17}", s.userStateJson());
        LoginState later = apply(s, "UserState", "\"state\":\"away\",\"reason\":\"Dinner\"");
        assertEquals("{\"state\":\"away\",\"reason\":\"Dinner\"}", later.userStateJson(), "the last one, not a merge");
    }

    @Test
    void newCallAddsACallAndCallStatusUpdatesItKeepingWhatItDoesNotRepeat() {
        LoginState s = fold("NewCall", "\"cid\":2,\"state\":\"new\",\"direction\":\"in\",\"params\":{\"sessionId\":\"s\"}",
                "CallStatus", "\"cid\":\"2\",\"state\":\"connected\",\"localParams\":{\"a\":1}");
        assertEquals(List.of("{\"cid\":\"2\",\"state\":\"connected\",\"direction\":\"in\",\"params\":{\"sessionId\":\"s\"},"
                + "\"localParams\":{\"a\":1}}"), s.callsJson(), "2 and \"2\" are one call; the later cid text wins");
    }

    @Test
    void callsKeepTheOrderTheyAppearedIn() {
        LoginState s = fold("NewCall", "\"cid\":\"b\"", "NewCall", "\"cid\":\"a\"", "CallStatus", "\"cid\":\"b\",\"hold\":true");
        assertEquals(List.of("{\"cid\":\"b\",\"hold\":true}", "{\"cid\":\"a\"}"), s.callsJson());
    }

    @Test
    void onCloseRemovesTheCallAndAnUnknownCidChangesNothing() {
        LoginState s = fold("NewCall", "\"cid\":1", "NewCall", "\"cid\":2");
        LoginState closed = apply(s, "OnClose", "\"cid\":1");
        assertEquals(List.of("{\"cid\":2}"), closed.callsJson());
        assertSame(closed, apply(closed, "OnClose", "\"cid\":99"));
    }

    @Test
    void callParamsReplaceParamsAndTheUpdatesAddToThem() {
        LoginState s = fold("NewCall", "\"cid\":1,\"params\":{\"sessionId\":\"s\",\"url\":\"u\"}",
                "CallParams", "\"cid\":1,\"params\":{\"sessionId\":\"s2\"}",
                "CallParamsUpdated", "\"cid\":1,\"params\":{\"x\":\"1\",\"sessionId\":\"s3\"}",
                "LocalParamsUpdated", "\"cid\":1,\"params\":{\"note\":\"vip\"}",
                "LocalParamsUpdated", "\"cid\":1,\"params\":{\"tag\":2}");
        assertEquals(List.of("{\"cid\":1,\"params\":{\"sessionId\":\"s3\",\"x\":\"1\"},\"localParams\":{\"note\":\"vip\",\"tag\":2}}"),
                s.callsJson());
    }

    @Test
    void callParamsAndCurrentCallMakeACallKnownAsTheRegistryDoesButParamUpdatesDoNot() {
        assertEquals(List.of("{\"cid\":5,\"params\":{\"sessionId\":\"s\"}}"),
                fold("CallParams", "\"cid\":5,\"params\":{\"sessionId\":\"s\"}").callsJson());
        assertEquals(List.of("{\"cid\":6}"), fold("CurrentCall", "\"cid\":6").callsJson());
        assertEquals(List.of(), fold("CallParamsUpdated", "\"cid\":7,\"params\":{\"a\":1}").callsJson());
        assertEquals(List.of(), fold("LocalParamsUpdated", "\"cid\":7,\"params\":{\"a\":1}").callsJson());
    }

    @Test
    void aCallsListReplacesTheSetAndSkipsElementsWithoutACid() {
        LoginState s = fold("NewCall", "\"cid\":1", "NewCall", "\"cid\":2",
                "Calls", "\"calls\":[{\"cid\":3,\"state\":\"connected\"},{\"state\":\"new\"},7,{\"cid\":2}]");
        assertEquals(List.of("{\"cid\":3,\"state\":\"connected\"}", "{\"cid\":2}"), s.callsJson());
    }

    @Test
    void aDuplicateCallsListChangesNothingAndAnOlderOneStillWinsBecauseTheStreamSaysSo() {
        String list = "\"calls\":[{\"cid\":3}]";
        LoginState once = fold("Calls", list);
        assertEquals(once, apply(once, "Calls", list), "applying the same list twice is applying it once");
        // A Calls that arrives after a NewCall but describes an older moment: the stream's order is the truth
        // the agent replays too, so the snapshot follows it (the next CallStatus or Calls corrects both).
        LoginState stale = fold("Calls", list, "NewCall", "\"cid\":4", "Calls", list);
        assertEquals(List.of("{\"cid\":3}"), stale.callsJson());
        assertEquals(fold("Calls", "\"calls\":[]").callsJson(), List.of());
    }

    @Test
    void offlineEmptiesTheCallsLikeTheRegistry() {
        LoginState s = fold("NewCall", "\"cid\":1", "UserState", "\"state\":\"offline\",\"substates\":[]");
        assertEquals(List.of(), s.callsJson());
        assertEquals(List.of("{\"cid\":1}"), fold("NewCall", "\"cid\":1", "UserState", "\"state\":\"away\"").callsJson());
    }

    @Test
    void thePhoneIsUnavailableBetweenTheMiddlewaresOwnEvents() {
        LoginState down = fold("NewCall", "\"cid\":1", "mw.PhoneUnavailable", "\"reason\":\"cti-link-down\"");
        assertFalse(down.phoneAvailable());
        assertEquals(1, down.calls().size(), "the last known calls stay until the CTI says otherwise");
        assertTrue(apply(down, "mw.PhoneAvailable", "").phoneAvailable());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TransferSucceed", "OnTransferCall", "Conferences", "SomethingNew", "mw.Future"})
    void eventsWithoutStateRulesChangeNothing(String name) {
        LoginState s = fold("NewCall", "\"cid\":1");
        assertSame(s, apply(s, name, "\"cid\":1,\"state\":\"x\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1]", "{\"name\":\"NewCall\",\"cid\":{\"x\":1}}", "{\"name\":\"NewCall\",\"cid\":1.5}",
            "{\"name\":\"NewCall\"}", "{\"name\":\"NewCall\",\"cid\":\"\"}", "{\"name\":\"NewCall\",\"cid\":1", "{\"calls\":{}}"})
    void unreadableEventsChangeNothingAndNeverThrow(String json) {
        LoginState s = fold("NewCall", "\"cid\":1");
        assertSame(s, StateReducer.apply(s, "NewCall", json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1]", "{\"calls\":[{\"cid\":2}", "{\"calls\":[{\"cid\":2}]}}"})
    void anUnreadableCallsChangesNothing(String json) {
        LoginState s = fold("NewCall", "\"cid\":1");
        assertSame(s, StateReducer.apply(s, "Calls", json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":\"Calls\"}", "{\"name\":\"Calls\",\"calls\":{}}", "{\"calls\":null}"})
    void aCallsWithoutAListMeansNoCallsAsTheRegistryReadsIt(String json) {
        assertEquals(Map.of(), StateReducer.apply(fold("NewCall", "\"cid\":1"), "Calls", json).calls());
    }

    @Test
    void theStateReadsBackFromItsOwnJson() {
        LoginState s = fold("UserState", "\"state\":\"normal\",\"x\":\"q\\\"uote \\u00e9\"", "NewCall", "\"cid\":\"a b\",\"n\":null",
                "NewCall", "\"cid\":-3", "mw.PhoneUnavailable", "");
        assertEquals(s, LoginState.parse(s.toJson()));
        assertEquals(LoginState.EMPTY, LoginState.parse(LoginState.EMPTY.toJson()));
        assertNull(LoginState.EMPTY.userStateJson());
        assertEquals("{\"userState\":null,\"calls\":[],\"phone\":\"available\"}", LoginState.EMPTY.toJson());
    }
}
