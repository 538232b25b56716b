package io.ctimw.core.testing;

import io.ctimw.core.ledger.UnsavedCommandLedger;
import io.ctimw.core.port.out.CommandLedger;

/** The in-memory ledger obeys the same contract as the stored one. */
class UnsavedCommandLedgerTest extends CommandLedgerContract {
    @Override
    protected CommandLedger newEmptyLedger() {
        return new UnsavedCommandLedger();
    }
}
