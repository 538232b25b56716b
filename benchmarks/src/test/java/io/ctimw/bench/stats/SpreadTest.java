package io.ctimw.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {
    @Test
    void oddRunsTakeTheMiddleValue() {
        Spread s = Spread.of(List.of(0.9, 0.5, 0.7));
        assertEquals(0.5, s.min());
        assertEquals(0.7, s.median());
        assertEquals(0.9, s.max());
        assertEquals(3, s.runs());
    }

    @Test
    void evenRunsAverageTheTwoMiddleValues() {
        assertEquals(2.5, Spread.of(List.of(4.0, 1.0, 3.0, 2.0)).median());
    }

    @Test
    void describesMedianWithMinAndMax() {
        assertEquals("0.70 (min 0.50, max 0.90, 3 runs)", Spread.of(List.of(0.9, 0.5, 0.7)).describe(Fmt::ratio));
        assertEquals("0.70", Spread.of(List.of(0.7)).describe(Fmt::ratio));
    }

    @Test
    void noRunsIsNotANumber() {
        Spread s = Spread.of(List.of());
        assertTrue(Double.isNaN(s.median()));
        assertEquals("n/a", s.describe(Fmt::ratio));
    }
}
