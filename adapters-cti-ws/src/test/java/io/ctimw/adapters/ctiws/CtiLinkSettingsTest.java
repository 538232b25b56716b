package io.ctimw.adapters.ctiws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The link settings: protocol defaults, and nonsense refused when the config is read. */
class CtiLinkSettingsTest {
    @Test
    void settingsRejectNonsense() {
        URI url = URI.create("ws://127.0.0.1:8098/ws");
        CtiLinkSettings ok = CtiLinkSettings.defaults(url);
        assertEquals("nauphone-cti-protocol", ok.subprotocol());
        assertEquals("13", ok.protocolVersion());
        assertEquals(Duration.ofSeconds(5), ok.replyTimeout());
        assertEquals(5, ok.pingPeriodSeconds(), "dead within 2 periods = the 10 s interval");
        assertEquals(1, ok.withPingInterval(Duration.ofSeconds(2)).pingPeriodSeconds());
        assertEquals(1, ok.withPingInterval(Duration.ofMillis(3999)).pingPeriodSeconds(), "rounded down");
        assertThrows(IllegalArgumentException.class, () -> ok.withPingInterval(Duration.ofMillis(1999)));
        assertThrows(IllegalArgumentException.class, () -> CtiLinkSettings.defaults(URI.create("http://h:1/ws")));
        assertThrows(IllegalArgumentException.class, () -> CtiLinkSettings.defaults(URI.create("ws:///ws")));
        assertThrows(IllegalArgumentException.class, () -> ok.withSubprotocol(" "));
        assertThrows(IllegalArgumentException.class, () -> ok.withReplyTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> ok.withPingInterval(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class,
                () -> ok.withReconnect(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(NullPointerException.class, () -> ok.withConnectTimeout(null));
    }
}
