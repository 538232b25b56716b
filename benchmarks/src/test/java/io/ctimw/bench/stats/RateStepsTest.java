package io.ctimw.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RateStepsTest {
    @Test
    void stopsAtTheFirstFailureAndKeepsTheLastPass() {
        RateSteps steps = new RateSteps(List.of(1000, 2000, 3000, 5000));
        assertEquals(1000, steps.next());
        steps.report(true);
        assertEquals(2000, steps.next());
        steps.report(true);
        assertEquals(3000, steps.next());
        steps.report(false);
        assertFalse(steps.hasNext());
        assertEquals(2000, steps.highestPassed());
        assertEquals(List.of(1000, 2000, 3000), steps.tried());
        assertFalse(steps.exhausted());
        assertThrows(IllegalStateException.class, steps::next);
    }

    @Test
    void aFirstStepFailureMeansNothingWasSustained() {
        RateSteps steps = new RateSteps(List.of(1000, 2000));
        steps.report(false);
        assertEquals(0, steps.highestPassed());
    }

    @Test
    void passingEveryStepIsExhausted() {
        RateSteps steps = new RateSteps(List.of(1000, 2000));
        steps.report(true);
        steps.report(true);
        assertTrue(steps.exhausted());
        assertEquals(2000, steps.highestPassed());
    }

    @Test
    void ratesMustRise() {
        assertThrows(IllegalArgumentException.class, () -> new RateSteps(List.of(2000, 1000)));
        assertThrows(IllegalArgumentException.class, () -> new RateSteps(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new RateSteps(List.of(0, 1000)));
    }

    @Test
    void geometricRatesAreRoundedAndDistinct() {
        assertEquals(List.of(1000, 1500, 2300, 3400, 5100, 7600), RateSteps.geometric(1000, 1.5, 8000, 100));
        assertEquals(List.of(100, 200), RateSteps.geometric(100, 1.2, 200, 100));
    }
}
