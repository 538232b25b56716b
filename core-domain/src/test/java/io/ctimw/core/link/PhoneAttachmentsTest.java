package io.ctimw.core.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.CoreFixture;
import io.ctimw.core.call.CallRegistry;
import io.ctimw.core.link.MiddlewareEvents;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.StoredEvent;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PhoneAttachmentsTest {
    private final CoreFixture f = new CoreFixture();

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private List<String> names(Session s) throws Exception {
        f.awaitStored();
        return f.poll(s, OptionalLong.of(0), Duration.ZERO).stream().map(StoredEvent::name).toList();
    }

    @Test
    void aDroppedLinkIsAnnouncedOnceAndTheReconnectReattachesAndAnnouncesRecovery() throws Exception {
        Session agent1 = f.session(f.login("agent1"));
        f.cti.linkDown("socket closed");
        f.cti.linkDown("still down");
        assertTrue(f.cti.attached().isEmpty());
        f.cti.linkUp();
        assertTrue(f.cti.attached().contains(new Login("agent1")), "re-attached after reconnect");
        assertEquals(List.of(MiddlewareEvents.PHONE_AVAILABLE, MiddlewareEvents.PHONE_UNAVAILABLE,
                MiddlewareEvents.PHONE_AVAILABLE), names(agent1));
    }

    @Test
    void aRefusedAttachmentTellsTheAgentWhy() throws Exception {
        f.cti.refuseAttach("agent2");
        Session agent2 = f.session(f.login("agent2"));
        f.awaitStored();
        StoredEvent event = f.poll(agent2, OptionalLong.of(0), Duration.ZERO).get(0);
        assertEquals(MiddlewareEvents.PHONE_UNAVAILABLE, event.name());
        assertTrue(event.json().contains(MiddlewareEvents.REASON_ATTACH_REFUSED), event.json());
    }

    @Test
    void loggingInWhileTheLinkIsDownSaysSoAndAttachesOnceItIsBack() throws Exception {
        f.cti.linkDown("down");
        Session agent1 = f.session(f.login("agent1"));
        f.cti.linkUp();
        assertTrue(f.cti.attached().contains(new Login("agent1")));
        assertEquals(List.of(MiddlewareEvents.PHONE_UNAVAILABLE, MiddlewareEvents.PHONE_AVAILABLE), names(agent1));
    }

    @Test
    void sessionsThatOutliveARestartGetTheirPhonesBack() throws Exception {
        f.login("agent1");
        Login agent1 = new Login("agent1");
        List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        PhoneAttachments fresh = new PhoneAttachments(f.cti, new CallRegistry(), e -> told.add(e.name()));
        fresh.restore(List.of(agent1));
        assertEquals(List.of(MiddlewareEvents.PHONE_UNAVAILABLE), told, "told while the link is not up yet");
        fresh.linkUp();
        assertEquals(2, f.cti.attachRequests().stream().filter(agent1::equals).count());
        assertEquals(List.of(MiddlewareEvents.PHONE_UNAVAILABLE, MiddlewareEvents.PHONE_AVAILABLE), told);
    }
}
