package io.ctimw.bench.env;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnvPartsTest {
    @Test
    void gcPausesAreSummedFromTheUnifiedLog() {
        GcLog.Pauses p = GcLog.parse(List.of(
                "[1.234s][info][gc] Using G1",
                "[5.001s][info][gc] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 120M->20M(256M) 4.250ms",
                "[6.500s][info][gc] GC(4) Pause Remark 30M->30M(256M) 1.750ms",
                "[6.600s][info][gc] GC(4) Concurrent Mark Cycle 80.123ms"));
        assertEquals(2, p.count());
        assertEquals(6.0, p.totalMs(), 1e-9);
        assertEquals(4.25, p.maxMs(), 1e-9);
        assertEquals("2 GC pauses, total 6 ms, longest 4.3 ms", p.describe());
    }

    @Test
    void processCpuComesFromUtimeAndStime() {
        // pid (comm with spaces) state ppid ... utime=fields 14, stime=15
        String stat = "1234 (java main) S 1 1234 1234 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 30 0 100 0 0";
        assertEquals(300, CpuMeter.parseStat(stat));
    }
}
