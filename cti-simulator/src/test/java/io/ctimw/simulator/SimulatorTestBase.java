package io.ctimw.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts a fresh simulator on a random loopback port for each test and closes it afterwards. */
abstract class SimulatorTestBase {
    CtiSimulator sim;

    CtiSimulatorBuilder configure(CtiSimulatorBuilder builder) {
        return builder;
    }

    @BeforeEach
    void startSimulator() {
        sim = configure(CtiSimulator.builder().operators("agent1", "agent2")).build().start();
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }
}
