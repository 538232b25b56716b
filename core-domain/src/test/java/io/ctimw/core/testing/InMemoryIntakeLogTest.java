package io.ctimw.core.testing;

import io.ctimw.core.port.out.IntakeLog;

class InMemoryIntakeLogTest extends IntakeLogContract {
    @Override
    protected IntakeLog newLog() {
        return new InMemoryIntakeLog();
    }

    @Override
    protected IntakeLog reopen(IntakeLog old) {
        return ((InMemoryIntakeLog) old).afterCrash();
    }
}
