package io.ctimw.simulator;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Start and close: a taken port fails loudly, close is safe in any state. */
class LifecycleTest {

    @Test
    void startingOnATakenPortFails() {
        try (CtiSimulator first = CtiSimulator.builder().build().start()) {
            CtiSimulator second = CtiSimulator.builder().port(first.port()).build();
            try {
                assertThrows(IllegalStateException.class, second::start);
            } finally {
                second.close();
            }
        }
    }

    @Test
    void closeIsIdempotentAndWorksWithoutStart() {
        CtiSimulator never = CtiSimulator.builder().build();
        assertDoesNotThrow(never::close);
        CtiSimulator started = CtiSimulator.builder().build().start();
        started.close();
        assertDoesNotThrow(started::close);
        assertThrows(IllegalStateException.class, started::start);
    }
}
