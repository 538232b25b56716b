package io.ctimw.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.beust.jcommander.JCommander;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command-line flags and their defaults. */
class SimulatorMainTest {

    @Test
    void defaults() {
        SimulatorOptions options = parse();
        assertEquals("127.0.0.1", options.host);
        assertEquals(8098, options.port);
        assertEquals(List.of("agent1", "agent2", "agent3"), options.operators);
        assertFalse(options.cidNumbers);
        assertEquals(0, options.callEveryMs);
        assertEquals(45_000, options.callLengthMs);
        assertEquals(0.0, options.loadEps);
        assertEquals(-1, options.controlPort);
    }

    @Test
    void flags() {
        SimulatorOptions options = parse("--host", "0.0.0.0", "--port", "9000", "--operators", "a,b",
                "--cid-numbers", "--call-every-ms", "500", "--load-eps", "1000", "--call-length-ms", "0",
                "--control-port", "8099");
        assertEquals("0.0.0.0", options.host);
        assertEquals(9000, options.port);
        assertEquals(List.of("a", "b"), options.operators);
        assertTrue(options.cidNumbers);
        assertEquals(500, options.callEveryMs);
        assertEquals(0, options.callLengthMs);
        assertEquals(1000.0, options.loadEps);
        assertEquals(8099, options.controlPort);
    }

    private static SimulatorOptions parse(String... args) {
        SimulatorOptions options = new SimulatorOptions();
        JCommander.newBuilder().addObject(options).build().parse(args);
        return options;
    }
}
