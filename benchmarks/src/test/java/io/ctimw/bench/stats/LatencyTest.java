package io.ctimw.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyTest {
    @Test
    void summarisesMicrosecondsAsMilliseconds() {
        Histogram h = new Histogram(60_000_000L, 3);
        for (int i = 1; i <= 100; i++) {
            h.recordValue(i * 1000L); // 1 ms .. 100 ms
        }
        Latency l = Latency.ofMicros(h);
        assertEquals(100, l.count());
        assertEquals(50, l.p50Ms(), 0.1);
        assertEquals(99, l.p99Ms(), 0.1);
        assertEquals(100, l.maxMs(), 0.1);
        assertEquals("p50 50 / p99 99 / max 100 ms", l.describe());
    }

    @Test
    void anEmptyHistogramSaysSo() {
        assertEquals("no samples", Latency.ofMicros(new Histogram(3)).describe());
    }

    @Test
    void recorderWindowsDropWhatCameBeforeTheReset() {
        LatencyRecorder r = new LatencyRecorder();
        r.recordMicros(900_000);
        r.reset();
        r.recordMicros(2_000);
        r.recordMicros(0); // clamped to 1 µs
        Histogram window = r.snapshot();
        assertEquals(2, window.getTotalCount());
        assertEquals(2_000, window.getMaxValue(), 2);
    }

    @Test
    void formatsNumbersForTheReport() {
        assertEquals("0.42", Fmt.ms(0.42));
        assertEquals("3.1", Fmt.ms(3.14));
        assertEquals("48", Fmt.ms(48.4));
        assertEquals("12,346", Fmt.count(12_345.6));
        assertEquals("512 MiB", Fmt.mib(512L << 20));
        assertEquals("n/a", Fmt.mib(-1));
    }
}
