package io.ctimw.core.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.CallId;
import io.ctimw.core.model.CtiEvent;
import io.ctimw.core.model.Login;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallRegistryTest {
    private final CallRegistry registry = new CallRegistry();
    private final Login a = new Login("a");
    private final Login b = new Login("b");

    private static CtiEvent event(Login login, String name, CallId cid) {
        return new CtiEvent(login, name, cid, null, null, "{}");
    }

    @Test
    void callsAreKnownPerLoginOnly() {
        registry.apply(event(a, "NewCall", CallId.ofNumber(2)));
        assertEquals(CallId.ofNumber(2), registry.find(a, "2").orElseThrow());
        assertTrue(registry.find(b, "2").isEmpty());
    }

    @Test
    void onCloseForgetsTheCall() {
        registry.apply(event(a, "CallStatus", CallId.ofText("x")));
        registry.apply(event(a, "OnClose", CallId.ofText("x")));
        assertTrue(registry.find(a, "x").isEmpty());
    }

    @Test
    void aCallsMessageReplacesTheSet() {
        registry.apply(event(a, "NewCall", CallId.ofText("old")));
        registry.apply(new CtiEvent(a, "Calls", null, List.of(CallId.ofText("new")), null, "{}"));
        assertEquals(List.of(CallId.ofText("new")), registry.current(a));
    }

    @Test
    void goingOfflineForgetsEveryCall() {
        registry.apply(event(a, "NewCall", CallId.ofText("x")));
        registry.apply(new CtiEvent(a, "UserState", null, null, "offline", "{}"));
        assertTrue(registry.current(a).isEmpty());
    }

    @Test
    void eventsThatSayNothingAboutCallsChangeNothing() {
        registry.apply(event(a, "NewCall", CallId.ofText("x")));
        registry.apply(event(a, "TransferFailed", CallId.ofText("y")));
        registry.apply(new CtiEvent(a, "UserState", null, null, "normal", "{}"));
        assertEquals(List.of(CallId.ofText("x")), registry.current(a));
    }

    @Test
    void aCallsReplyOlderThanTheEventsAlreadyAppliedDoesNotEraseThem() {
        long mark = registry.changeMark(a);
        registry.apply(event(a, "NewCall", CallId.ofText("fresh"))); // arrives while GetCalls is in flight
        boolean replaced = registry.replaceIfUnchanged(a, List.of(), mark);
        assertTrue(!replaced);
        assertEquals(List.of(CallId.ofText("fresh")), registry.current(a));
        assertTrue(registry.replaceIfUnchanged(a, List.of(CallId.ofText("x")), registry.changeMark(a)));
        assertEquals(List.of(CallId.ofText("x")), registry.current(a));
    }
}
