package io.ctimw.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SmallPartsTest {
    @Test
    void theLedgerCountsDistinctEventsAndDuplicates() {
        DeliveryLedger ledger = new DeliveryLedger();
        ledger.received(0);
        ledger.received(5);
        ledger.received(5);
        assertEquals(2, ledger.distinct());
        assertEquals(1, ledger.duplicates());
        ledger.reset();
        ledger.received(5);
        assertEquals(1, ledger.distinct());
        assertEquals(0, ledger.duplicates());
    }

    @Test
    void thePacerSpreadsActionsEvenly() {
        assertEquals(0, OpenLoopPacer.due(0, 500));
        assertEquals(0, OpenLoopPacer.due(1_999_999, 500));
        assertEquals(1, OpenLoopPacer.due(2_000_000, 500));
        assertEquals(500, OpenLoopPacer.due(1_000_000_000, 500));
    }

    @Test
    void repliesAreMatchedByRid() {
        assertEquals("b7", RawCtiClient.ridOf("{\"name\":\"UserState\",\"rid\":\"b7\",\"state\":\"normal\"}"));
        assertNull(RawCtiClient.ridOf("{\"name\":\"CallStatus\"}"));
    }

    @Test
    void theLoginTokenIsReadFromTheAnswer() {
        assertEquals("tok", MiddlewareHttp.stringField("{\"token\":\"tok\",\"login\":\"a\"}", "token"));
    }
}
