package io.ctimw.simulator;

import java.time.Duration;

/** What command handlers and the Java API share: settings, phones, ids, faults and the model thread. */
record Model(SimulatorSettings settings, Switchboard board, CidFactory cids, Faults faults, ModelThread thread) {

    long nowSeconds() {
        return settings.clock().instant().getEpochSecond();
    }

    void later(Duration delay, Runnable task) {
        thread.run(task, delay);
    }
}
